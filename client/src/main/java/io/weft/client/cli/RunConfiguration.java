package io.weft.client.cli;

import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import io.weft.config.DeploymentOptions;
import io.weft.config.GlobalConfiguration;
import io.weft.config.IllegalConfigurationException;
import java.util.List;

/**
 * Builds the configuration a program runs with from the loaded file and the options of {@code weft run}, and
 * refuses the combinations this version cannot carry out.
 *
 * <p>Precedence, lowest first: {@code weft-conf.yaml}, {@code -D key=value}, the dedicated options ({@code -p},
 * {@code -t}, {@code -d}). The target is {@code -t}, else {@code execution.target}; detached mode is {@code -d},
 * else {@code execution.attached: false}. The {@code local} target runs attached only; {@code -D} is refused for
 * {@code remote} (the cluster's configuration applies) and, for the YARN targets, goes into the configuration the
 * application's containers get.
 *
 * <p>Stateless and thread-safe.
 */
final class RunConfiguration {
    private RunConfiguration() {
    }

    /**
     * The effective configuration of {@code weft run}.
     *
     * @param loaded the values of {@code weft-conf.yaml}, already validated
     * @throws UsageException for an option this version cannot carry out, a malformed {@code -D} or {@code -p < 1}
     * @throws IllegalConfigurationException for an unknown {@code -D} key or a value that does not parse
     */
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
            if (!options.dynamicProperties.isEmpty()) {
                throw new UsageException("-D settings are not sent to a remote cluster: set them in the cluster's"
                        + " weft-conf.yaml, or drop -D");
            }
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
