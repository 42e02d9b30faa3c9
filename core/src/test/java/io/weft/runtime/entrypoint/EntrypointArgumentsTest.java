package io.weft.runtime.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.TaskManagerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntrypointArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void dynamicPropertiesOverrideTheFileOfTheConfigurationDirectory() throws Exception {
        Files.writeString(dir.resolve("weft-conf.yaml"), "taskmanager.numberOfTaskSlots: 2\njobmanager.rpc.port: 7000\n");
        Configuration config = EntrypointArguments.load(new String[] {"--configDir", dir.toString(), "-D",
                "jobmanager.rpc.port=7001"}, Map.of());
        assertThat(config.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(2);
        assertThat(config.get(ClusterOptions.JOB_MANAGER_RPC_PORT)).isEqualTo(7001);
    }

    @Test
    void unknownKeysBadValuesAndUnknownArgumentsAreOneLineErrors() {
        assertThatThrownBy(() -> EntrypointArguments.load(new String[] {"-D", "jobmanager.rpc.prot=1"}, Map.of()))
                .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("jobmanager.rpc.port");
        assertThatThrownBy(() -> EntrypointArguments.load(new String[] {"-D", "heartbeat.timeout=soon"}, Map.of()))
                .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("heartbeat.timeout");
        assertThatThrownBy(() -> EntrypointArguments.load(new String[] {"--verbose"}, Map.of()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("[--configDir DIR] [-D key=value]");
    }
}
