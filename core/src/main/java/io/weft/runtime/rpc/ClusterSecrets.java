package io.weft.runtime.rpc;

import io.weft.api.FatalException;
import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the cluster secret of a JobManager or TaskManager process: the environment variable
 * {@value ClusterSecret#ENV_VARIABLE}, else the file {@code security.cluster-secret.file} — which a JobManager
 * creates (owner-only) when it does not exist, and a TaskManager must find. Stateless.
 */
public final class ClusterSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSecrets.class);

    private ClusterSecrets() {
    }

    /** The JobManager's secret; generated and written to the configured file when that does not exist yet. */
    public static ClusterSecret forJobManager(Configuration config, Map<String, String> environment) {
        Optional<ClusterSecret> fromEnv = ClusterSecret.fromEnvironment(environment);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Path file = configuredFile(config);
        if (Files.exists(file)) {
            return ClusterSecret.readFrom(file);
        }
        ClusterSecret secret = ClusterSecret.generate();
        secret.writeTo(file);
        LOG.info("Generated a new cluster secret in {} (owner-only); TaskManagers read it from there", file);
        return secret;
    }

    /** A TaskManager's secret: from the environment or the configured file, which must exist. */
    public static ClusterSecret forTaskManager(Configuration config, Map<String, String> environment) {
        Optional<ClusterSecret> fromEnv = ClusterSecret.fromEnvironment(environment);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        return ClusterSecret.readFrom(configuredFile(config));
    }

    private static Path configuredFile(Configuration config) {
        String file = config.get(ClusterOptions.CLUSTER_SECRET_FILE);
        if (file.isEmpty()) {
            throw new FatalException("No cluster secret: set security.cluster-secret.file (the JobManager writes it"
                    + " at start, TaskManagers read it) or pass the secret in " + ClusterSecret.ENV_VARIABLE);
        }
        return Path.of(file);
    }
}
