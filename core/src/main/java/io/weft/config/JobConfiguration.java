package io.weft.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells job-level configuration keys, which one job may set for itself on a cluster that runs others ({@code weft
 * run -D} on a standalone cluster or a YARN session), from cluster-level ones, which the cluster's own configuration
 * decides; and checks a job's own settings against that line.
 *
 * <p>Job-level are the keys under {@link #JOB_LEVEL_PREFIXES}, as Flink's job configuration holds them, except the
 * client's deployment settings ({@link DeploymentOptions}: where and how {@code execute()} submits), which mean
 * nothing on the cluster. Stateless and thread-safe.
 */
public final class JobConfiguration {
    /** The prefixes of job-level keys. */
    public static final List<String> JOB_LEVEL_PREFIXES = List.of("execution.", "restart-strategy.", "pipeline.",
            "state.");

    /** Keys under a job-level prefix that only the client reads. */
    private static final Set<String> CLIENT_KEYS = Set.of(DeploymentOptions.TARGET.key(),
            DeploymentOptions.ATTACHED.key());

    private JobConfiguration() {
    }

    /** Whether {@code key} is one a job may set for itself. */
    public static boolean isJobLevel(String key) {
        return !CLIENT_KEYS.contains(key) && JOB_LEVEL_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** Whether {@code key} is a deployment setting of the client ({@code execution.target}, {@code .attached}). */
    public static boolean isClientDeploymentKey(String key) {
        return CLIENT_KEYS.contains(key);
    }

    /**
     * Checks a job's own settings: every key known (a deprecated name counts), job-level, and its value valid.
     *
     * @param origin where the settings came from, for the message ({@code "-D"}, {@code "'flinkConfiguration'"})
     * @throws IllegalConfigurationException naming the first bad key: unknown (with a "did you mean" hint), a cluster
     *     setting, or a value that does not parse
     */
    public static void validate(Map<String, String> settings, String origin) {
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalConfigurationException("A key or value in " + origin + " is null: give every"
                        + " setting as \"key\": \"value\" (both strings)");
            }
            GlobalConfiguration.validate(e.getKey(), e.getValue(), origin);
            if (!isJobLevel(e.getKey())) {
                throw new IllegalConfigurationException(clusterSettingMessage(e.getKey(), origin));
            }
        }
    }

    /** The line refusing a cluster-level {@code key} that a job tried to set. */
    public static String clusterSettingMessage(String key, String origin) {
        String hint = key.equals(CoreOptions.DEFAULT_PARALLELISM.key()) ? " (weft run -p sets a job's parallelism)"
                : "";
        return "'" + key + "' (" + origin + ") is a cluster setting: the cluster's own configuration decides it, not"
                + " a job" + hint + ". Set it in the cluster's weft-conf.yaml or when starting the cluster; a job may"
                + " set only keys under " + String.join("*, ", JOB_LEVEL_PREFIXES) + "*";
    }
}
