package io.weft.client.cli;

import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import io.weft.config.DeploymentOptions;
import io.weft.config.GlobalConfiguration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.JobConfiguration;
import io.weft.config.YarnOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the configuration a program runs with from the loaded file and the options of {@code weft run}, and
 * refuses the combinations this version cannot carry out.
 *
 * <p>Precedence, lowest first: {@code weft-conf.yaml}, {@code -D key=value}, the dedicated options ({@code -p},
 * {@code -t}, {@code -d}). The target is {@code -t}, else {@code execution.target}; detached mode is {@code -d},
 * else {@code execution.attached: false}. The {@code local} target runs attached only. On the clusters that run other
 * jobs too ({@code remote}, {@code yarn-session}) a {@code -D} of a job-level key ({@link JobConfiguration}) goes with
 * the job, for it alone, and one of a cluster setting is refused naming the key; for per-job and application mode,
 * {@code -D} goes into the configuration the application's containers get.
 *
 * <p>Stateless and thread-safe.
 */
final class RunConfiguration {
    /**
     * Cluster-level keys that the client itself reads to reach a cluster (which session, where its properties file
     * is, the secret its REST token comes from): accepted with {@code -D} on every target, never sent.
     */
    private static final Set<String> CLIENT_KEYS = Set.of(YarnOptions.APPLICATION_ID.key(),
            YarnOptions.PROPERTIES_FILE_LOCATION.key(), io.weft.config.ClusterOptions.CLUSTER_SECRET_FILE.key());

    private RunConfiguration() {
    }

    /**
     * Refuses a {@code -p} that no job could run with, before anything starts: above the configured
     * {@code pipeline.max-parallelism}, or above the largest max parallelism there is.
     */
    private static void checkAgainstMaxParallelism(int parallelism, Configuration config) {
        if (config.contains(CoreOptions.MAX_PARALLELISM)
                && parallelism > config.get(CoreOptions.MAX_PARALLELISM)) {
            throw new UsageException("Parallelism " + parallelism + " (-p) is above the max parallelism "
                    + config.get(CoreOptions.MAX_PARALLELISM) + " (" + CoreOptions.MAX_PARALLELISM.key()
                    + "): lower -p or raise " + CoreOptions.MAX_PARALLELISM.key());
        }
        if (parallelism > CoreOptions.UPPER_BOUND_MAX_PARALLELISM) {
            throw new UsageException("Parallelism " + parallelism + " (-p) is above the largest max parallelism, "
                    + CoreOptions.UPPER_BOUND_MAX_PARALLELISM + ": use -p " + CoreOptions.UPPER_BOUND_MAX_PARALLELISM
                    + " or less");
        }
    }

    /**
     * The effective configuration of {@code weft run}.
     *
     * @param loaded the values of {@code weft-conf.yaml}, already validated
     * @throws UsageException for an option this version cannot carry out, a malformed {@code -D}, {@code -p < 1},
     *     or a {@code -D} of a cluster setting for a cluster that runs other jobs too
     * @throws IllegalConfigurationException for an unknown {@code -D} key or a value that does not parse
     */
    static Configuration build(RunOptions options, Configuration loaded) {
        if (options.parallelism != null && options.parallelism < 1) {
            throw new UsageException("Parallelism must be at least 1, not " + options.parallelism + ": fix -p");
        }
        Configuration config = new Configuration(loaded);
        config.addAll(parseDynamicProperties(options.dynamicProperties));
        if (options.parallelism != null) {
            checkAgainstMaxParallelism(options.parallelism, config);
            config.set(CoreOptions.DEFAULT_PARALLELISM, options.parallelism);
        }
        Target target = checkTarget(options, config);
        if (options.savepoint != null) {
            throw new UsageException("Savepoints (-s) are not available in this version of Weft: "
                    + "run without -s");
        }
        if (target == Target.REMOTE || target == Target.YARN_SESSION) {
            checkJobSettings(options.dynamicProperties, target);
        }
        if (target.isYarn()) {
            if (options.jobManager != null) {
                throw new UsageException("-m " + options.jobManager + " addresses a standalone cluster, but the target"
                        + " is " + target.cliName() + ": drop -m (a YARN session is found by -D yarn.application.id"
                        + " or the YARN properties file)");
            }
            config.set(DeploymentOptions.TARGET, target.cliName());
            config.set(DeploymentOptions.ATTACHED, !options.detached && config.get(DeploymentOptions.ATTACHED));
            return config;
        }
        if (target == Target.REMOTE) {
            config.set(DeploymentOptions.TARGET, Target.REMOTE.cliName());
            config.set(DeploymentOptions.ATTACHED, !options.detached && config.get(DeploymentOptions.ATTACHED));
            return config;
        }
        if (options.detached || !config.get(DeploymentOptions.ATTACHED)) {
            String source = options.detached ? "-d" : "execution.attached: false";
            throw new UsageException("Detached mode (" + source + ") needs a cluster that outlives the CLI, but "
                    + "target local runs the job inside the CLI's JVM: drop " + source);
        }
        if (options.jobManager != null) {
            throw new UsageException("-m " + options.jobManager + " addresses a remote cluster, but the target is"
                    + " local: use -t remote, or drop -m");
        }
        config.set(DeploymentOptions.TARGET, Target.LOCAL.cliName());
        config.set(DeploymentOptions.ATTACHED, true);
        return config;
    }

    /**
     * Parses {@code -D key=value} arguments, each checked against the declared options.
     *
     * @throws UsageException for an argument without {@code =} or with an empty key
     * @throws IllegalConfigurationException for an unknown key (with a "did you mean" hint) or a bad value
     */
    static Configuration parseDynamicProperties(List<String> properties) {
        Configuration config = new Configuration();
        for (String property : properties) {
            int eq = property.indexOf('=');
            String key = eq < 0 ? "" : property.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new UsageException("Malformed -D '" + property + "': write -D key=value");
            }
            String value = property.substring(eq + 1);
            GlobalConfiguration.validate(key, value, "-D");
            config.setString(key, value);
        }
        return config;
    }

    /**
     * The job's own settings that a run on a cluster of many jobs ({@code remote}, {@code yarn-session}) sends with
     * it: the {@code -D} values of job-level keys. The client's own keys ({@link #CLIENT_KEYS}, the deployment keys)
     * stay with the client.
     */
    static Map<String, String> jobSettings(List<String> properties) {
        Map<String, String> job = new TreeMap<>();
        parseDynamicProperties(properties).toMap().forEach((key, value) -> {
            if (JobConfiguration.isJobLevel(key)) {
                job.put(key, value);
            }
        });
        return job;
    }

    /**
     * Refuses a {@code -D} of a cluster setting for a cluster that runs other jobs too: the cluster's own
     * configuration decides those. Job-level keys go with the job; the client's own keys are the client's.
     */
    private static void checkJobSettings(List<String> properties, Target target) {
        for (String key : parseDynamicProperties(properties).toMap().keySet()) {
            if (!JobConfiguration.isJobLevel(key) && !JobConfiguration.isClientDeploymentKey(key)
                    && !CLIENT_KEYS.contains(key)) {
                throw new UsageException(JobConfiguration.clusterSettingMessage(key, "-D of a run on target "
                        + target.cliName()));
            }
        }
    }

    private static Target checkTarget(RunOptions options, Configuration config) {
        String source = options.target != null ? "-t" : DeploymentOptions.TARGET.key();
        String name = options.target != null ? options.target
                : options.jobManager != null ? Target.REMOTE.cliName() : config.get(DeploymentOptions.TARGET);
        Target target = Target.fromName(name, options.target == null && options.jobManager != null ? "-m" : source);
        if (!target.isAvailable()) {
            throw new UsageException("Target '" + target.cliName() + "' (" + source + ") is not available in this "
                    + "version of Weft: targets local (an embedded cluster in the CLI's JVM) and remote (-m HOST:PORT)"
                    + " work");
        }
        return target;
    }
}
