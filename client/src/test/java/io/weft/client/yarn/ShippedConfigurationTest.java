package io.weft.client.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.config.Configuration;
import io.weft.config.GlobalConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void whenWritten_thenTheFileLoadsBackToTheSameValuesWithoutSecrets() throws IOException {
        Configuration config = Configuration.fromMap(Map.of(
                "taskmanager.numberOfTaskSlots", "2",
                "yarn.application.name", "nightly: word count # 1",
                "yarn.tags", "",
                "execution.attached", "true",
                "heartbeat.timeout", "50 s",
                "security.ssl.internal.keystore-password", "secret"));

        String yaml = ShippedConfiguration.toYaml(config);
        Files.writeString(dir.resolve(GlobalConfiguration.CONF_FILE), yaml);

        assertThat(yaml).doesNotContain("secret").doesNotContain("---");
        Map<String, String> loaded = GlobalConfiguration.loadConfiguration(dir).toMap();
        assertThat(loaded).containsExactlyInAnyOrderEntriesOf(Map.of(
                "taskmanager.numberOfTaskSlots", "2",
                "yarn.application.name", "nightly: word count # 1",
                "yarn.tags", "",
                "execution.attached", "true",
                "heartbeat.timeout", "50 s"));
    }

    @Test
    void whenNothingIsSet_thenTheFileLoadsAsDefaults() throws IOException {
        Files.writeString(dir.resolve(GlobalConfiguration.CONF_FILE), ShippedConfiguration.toYaml(new Configuration()));

        assertThat(GlobalConfiguration.loadConfiguration(dir).toMap()).isEmpty();
    }
}
