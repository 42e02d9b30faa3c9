package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalConfigurationTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(GlobalConfiguration.CONF_DIR_PROPERTY);
        System.clearProperty(GlobalConfiguration.HOME_PROPERTY);
    }

    @Test
    void whenFileIsMissing_thenDefaults() {
        Configuration config = GlobalConfiguration.loadConfiguration(dir);

        assertThat(config.toMap()).isEmpty();
        assertThat(config.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(1);
    }

    @Test
    void flatAndNestedValuesAreLoadedTyped() throws IOException {
        Files.writeString(dir.resolve("weft-conf.yaml"), "parallelism.default: 3\ntaskmanager:\n"
                + "  numberOfTaskSlots: 4\n  memory.segment-size: 64kb\n");

        Configuration config = GlobalConfiguration.loadConfiguration(dir);

        assertThat(config.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(3);
        assertThat(config.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(4);
        assertThat(config.get(TaskManagerOptions.SEGMENT_SIZE).bytes()).isEqualTo(64 * 1024);
    }

    @Test
    void unknownKeyIsRejectedWithHintFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("weft-conf.yaml"), "parallelism.default: 3\n"
                + "taskmanager:\n  numberOfTaskSlot: 4\n");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Unknown configuration key 'taskmanager.numberOfTaskSlot' in " + file
                        + ", line 3: did you mean 'taskmanager.numberOfTaskSlots'?");
    }

    @Test
    void valueThatDoesNotParseIsRejectedWithFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("weft-conf.yaml"), "slot.request.timeout: soon\n");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .hasMessageStartingWith("Invalid value 'soon' for 'slot.request.timeout'")
                .hasMessageEndingWith("(in " + file + ", line 1)");
    }

    @Test
    void confDirPropertyWinsOverEnvironment() throws IOException {
        Path fromProperty = Files.createDirectories(dir.resolve("a"));
        Path fromEnv = Files.createDirectories(dir.resolve("b"));
        System.setProperty(GlobalConfiguration.CONF_DIR_PROPERTY, fromProperty.toString());

        assertThat(GlobalConfiguration.findConfDir(Map.of("WEFT_CONF_DIR", fromEnv.toString())))
                .contains(fromProperty);
    }

    @Test
    void environmentWinsOverHome() throws IOException {
        Path fromEnv = Files.createDirectories(dir.resolve("b"));
        System.setProperty(GlobalConfiguration.HOME_PROPERTY, dir.resolve("home").toString());

        assertThat(GlobalConfiguration.findConfDir(Map.of("WEFT_CONF_DIR", fromEnv.toString()))).contains(fromEnv);
    }

    @Test
    void homeConfIsTheDefault() {
        System.setProperty(GlobalConfiguration.HOME_PROPERTY, dir.toString());

        assertThat(GlobalConfiguration.findConfDir(Map.of())).contains(dir.resolve("conf"));
        assertThat(GlobalConfiguration.loadConfiguration(Map.of()).toMap()).isEmpty();
    }

    @Test
    void withoutAnyDirectoryDefaultsApply() {
        assertThat(GlobalConfiguration.findConfDir(Map.of())).isEmpty();
        assertThat(GlobalConfiguration.loadConfiguration(Map.of()).toMap()).isEmpty();
    }

    @Test
    void explicitDirectoryMustExist() {
        Map<String, String> env = Map.of("WEFT_CONF_DIR", dir.resolve("missing").toString());

        assertThatThrownBy(() -> GlobalConfiguration.findConfDir(env))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("named by WEFT_CONF_DIR does not exist");
    }

    @Test
    void validateAcceptsKnownKeyWithGoodValue() {
        GlobalConfiguration.validate("parallelism.default", "2", "-D");
    }
}
