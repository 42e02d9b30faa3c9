package io.weft.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.FatalException;
import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretsTest {
    @TempDir
    Path dir;

    @Test
    void theJobManagerCreatesTheSecretFileOwnerOnlyAndTaskManagersReadTheSameSecret() throws Exception {
        Path file = dir.resolve("cluster.secret");
        Configuration config = new Configuration().set(ClusterOptions.CLUSTER_SECRET_FILE, file.toString());
        ClusterSecret jm = ClusterSecrets.forJobManager(config, Map.of());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ClusterSecret tm = ClusterSecrets.forTaskManager(config, Map.of());
        assertThat(tm.toBase64()).isEqualTo(jm.toBase64());
        assertThat(ClusterSecrets.forJobManager(config, Map.of()).toBase64()).as("kept across restarts")
                .isEqualTo(jm.toBase64());
    }

    @Test
    void theEnvironmentWinsOverTheFile() {
        ClusterSecret fromEnv = ClusterSecret.generate();
        Configuration config = new Configuration().set(ClusterOptions.CLUSTER_SECRET_FILE,
                dir.resolve("unused").toString());
        Map<String, String> env = Map.of(ClusterSecret.ENV_VARIABLE, fromEnv.toBase64());
        assertThat(ClusterSecrets.forTaskManager(config, env).toBase64()).isEqualTo(fromEnv.toBase64());
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void noSecretAnywhereIsAnErrorNamingBothWays() {
        assertThatThrownBy(() -> ClusterSecrets.forJobManager(new Configuration(), Map.of()))
                .isInstanceOf(FatalException.class).hasMessageContaining("security.cluster-secret.file")
                .hasMessageContaining(ClusterSecret.ENV_VARIABLE);
        Configuration missing = new Configuration().set(ClusterOptions.CLUSTER_SECRET_FILE,
                dir.resolve("absent").toString());
        assertThatThrownBy(() -> ClusterSecrets.forTaskManager(missing, Map.of())).isInstanceOf(FatalException.class)
                .hasMessageContaining("absent");
    }
}
