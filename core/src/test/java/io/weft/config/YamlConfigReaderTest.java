package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.YamlConfigReader.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigReaderTest {
    @TempDir
    Path dir;

    @Test
    void flatKeysAreReadWithTheirLines() throws IOException {
        Path file = write("# comment\ntaskmanager.numberOfTaskSlots: 2\n\nslot.request.timeout: 10 s\n");

        assertThat(YamlConfigReader.read(file)).containsExactly(
                new Entry("taskmanager.numberOfTaskSlots", "2", 2),
                new Entry("slot.request.timeout", "10 s", 4));
    }

    @Test
    void nestedMapsAreFlattenedWithDots() throws IOException {
        Path file = write("taskmanager:\n  numberOfTaskSlots: 2\n  memory:\n    segment-size: 64kb\n"
                + "restart-strategy: {type: fixed-delay, fixed-delay.attempts: 3}\n");

        assertThat(YamlConfigReader.read(file)).containsExactly(
                new Entry("taskmanager.numberOfTaskSlots", "2", 2),
                new Entry("taskmanager.memory.segment-size", "64kb", 4),
                new Entry("restart-strategy.type", "fixed-delay", 5),
                new Entry("restart-strategy.fixed-delay.attempts", "3", 5));
    }

    @Test
    void scalarsBecomeTheirText() throws IOException {
        Path file = write("a: true\nb: 1.50\nc: '007'\nd: \"x: y\"\ne: -1\n");

        assertThat(YamlConfigReader.read(file)).extracting(Entry::value)
                .containsExactly("true", "1.50", "007", "x: y", "-1");
    }

    @Test
    void emptyOrCommentOnlyFileHasNoEntries() throws IOException {
        assertThat(YamlConfigReader.read(write(""))).isEmpty();
        assertThat(YamlConfigReader.read(write("# nothing set\n# parallelism.default: 1\n"))).isEmpty();
    }

    @Test
    void listValueIsRejectedNamingKeyAndLine() throws IOException {
        Path file = write("parallelism.default: 1\nyarn.ship-files:\n  - a.jar\n  - b.jar\n");

        assertThatThrownBy(() -> YamlConfigReader.read(file))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Cannot load " + file + ", line 2: 'yarn.ship-files' has a list value, but configuration "
                        + "values are single scalars: write it as one string");
    }

    @Test
    void inlineListInNestedMapIsRejected() throws IOException {
        Path file = write("yarn:\n  ship-files: [a.jar, b.jar]\n");

        assertThatThrownBy(() -> YamlConfigReader.read(file))
                .hasMessageContaining("line 2: 'yarn.ship-files' has a list value");
    }

    @Test
    void malformedFileIsOneLineNamingFileAndLine() throws IOException {
        Path file = write("parallelism.default: 2\nrest.port: 8081\n  oops: : 3\n");

        assertThatThrownBy(() -> YamlConfigReader.read(file))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageStartingWith("Cannot load " + file + ", line 3: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unterminatedQuoteIsOneLine() throws IOException {
        Path file = write("yarn.application.name: \"weft\n");

        assertThatThrownBy(() -> YamlConfigReader.read(file))
                .hasMessageStartingWith("Cannot load " + file + ", line ")
                .hasMessageContaining("quoted scalar")
                .hasMessageNotContaining("\n");
    }

    @Test
    void tabIndentationIsOneLine() throws IOException {
        Path file = write("taskmanager:\n\tnumberOfTaskSlots: 2\n");

        assertThatThrownBy(() -> YamlConfigReader.read(file))
                .hasMessageStartingWith("Cannot load " + file + ", line 2: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void keySetTwiceIsRejected() throws IOException {
        Path file = write("taskmanager.numberOfTaskSlots: 1\ntaskmanager:\n  numberOfTaskSlots: 2\n");

        assertThatThrownBy(() -> YamlConfigReader.read(file))
                .hasMessage("Cannot load " + file + ", line 3: 'taskmanager.numberOfTaskSlots' is set twice "
                        + "(first on line 1): keep one");
    }

    @Test
    void explicitNullIsRejected() throws IOException {
        Path file = write("rest.address: ~\n");

        assertThatThrownBy(() -> YamlConfigReader.read(file))
                .hasMessage("Cannot load " + file + ", line 1: 'rest.address' has no value: give one or remove the "
                        + "line");
    }

    @Test
    void topLevelScalarOrListIsRejected() throws IOException {
        assertThatThrownBy(() -> YamlConfigReader.read(write("just text\n")))
                .hasMessageContaining("line 1: expected 'key: value' lines, found 'just text'");
        assertThatThrownBy(() -> YamlConfigReader.read(write("- a\n- b\n")))
                .hasMessageContaining("expected 'key: value' lines, found a list");
    }

    @Test
    void secondDocumentIsRejected() throws IOException {
        assertThatThrownBy(() -> YamlConfigReader.read(write("a: 1\n---\nb: 2\n")))
                .hasMessageContaining("more than one YAML document");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "weft-conf", ".yaml"), content);
    }
}
