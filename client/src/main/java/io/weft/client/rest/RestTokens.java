package io.weft.client.rest;

import io.weft.api.FatalException;
import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RestToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the REST token of a standalone cluster for the CLI, the way its processes find the cluster secret: the
 * environment variable {@value ClusterSecret#ENV_VARIABLE}, else the file {@code security.cluster-secret.file}, else
 * the file the cluster scripts use when neither is set, {@code ${WEFT_PID_DIR:-/tmp}/weft-$USER-cluster.secret}.
 * Stateless.
 */
public final class RestTokens {
    private static final Logger LOG = LoggerFactory.getLogger(RestTokens.class);

    private RestTokens() {
    }

    /**
     * The token, or empty when no secret is found (reading still works; what changes state is refused with a
     * hint). A secret that is there but unreadable or malformed is an error.
     *
     * @throws FatalException naming the file or variable when a secret is there but cannot be used
     */
    public static Optional<RestToken> forCluster(Configuration config, Map<String, String> environment) {
        Optional<ClusterSecret> fromEnv = ClusterSecret.fromEnvironment(environment);
        if (fromEnv.isPresent()) {
            return fromEnv.map(RestToken::of);
        }
        String configured = config.get(ClusterOptions.CLUSTER_SECRET_FILE).trim();
        Path file = configured.isEmpty() ? scriptsDefault(environment) : Path.of(configured);
        if (!Files.exists(file)) {
            LOG.debug("No cluster secret in {} nor in {}: calls that change state will be refused", file,
                    ClusterSecret.ENV_VARIABLE);
            return Optional.empty();
        }
        return Optional.of(RestToken.of(ClusterSecret.readFrom(file)));
    }

    /** The secret file that {@code start-cluster.sh} uses when nothing names one. */
    static Path scriptsDefault(Map<String, String> environment) {
        String dir = environment.getOrDefault("WEFT_PID_DIR", "");
        String user = environment.getOrDefault("USER", System.getProperty("user.name"));
        return Path.of(dir.isBlank() ? "/tmp" : dir, "weft-" + user + "-cluster.secret");
    }
}
