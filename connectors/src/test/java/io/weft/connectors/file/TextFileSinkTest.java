package io.weft.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.InvalidProgramException;
import io.weft.config.Configuration;
import io.weft.connectors.testing.SinkDriver;
import io.weft.connectors.testing.TestSinkContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileSinkTest {
    @TempDir
    Path dir;

    @Test
    void finish_makesPartFileVisible_withOneLinePerRecord() throws Exception {
        Path out = dir.resolve("out");
        TextFileSink<Object> sink = TextFileSink.forPath(out.toString());
        sink.validate(new Configuration());
        SinkDriver.runSuccessful(sink, new TestSinkContext(0, 2, 0), List.of("a", "ü€𝄞", 42, "", "tab\tx"));
        SinkDriver.runSuccessful(sink, new TestSinkContext(1, 2, 0), Arrays.asList("b", null));
        assertThat(names(out)).containsExactlyInAnyOrder("part-0", "part-1");
        assertThat(read(out.resolve("part-0"))).isEqualTo("a\nü€𝄞\n42\n\ntab\tx\n");
        assertThat(read(out.resolve("part-1"))).isEqualTo("b\nnull\n");
    }

    @Test
    void closeWithoutFinish_leavesNothingVisible() throws Exception {
        Path out = dir.resolve("out");
        SinkDriver.runFailed(TextFileSink.forPath(out.toString()), new TestSinkContext(0, 1, 0),
                List.of("x", "y"));
        assertThat(names(out)).isEmpty();
    }

    @Test
    void restartedAttempt_replacesTheOutputOfAnEarlierOne() throws Exception {
        Path out = dir.resolve("out");
        TextFileSink<String> sink = TextFileSink.forPath(out.toString());
        SinkDriver.runSuccessful(sink, new TestSinkContext(0, 1, 0), List.of("old"));
        SinkDriver.runFailed(sink, new TestSinkContext(0, 1, 1), List.of("failed"));
        SinkDriver.runSuccessful(sink, new TestSinkContext(0, 1, 2), List.of("new", "lines"));
        assertThat(names(out)).containsExactly("part-0");
        assertThat(read(out.resolve("part-0"))).isEqualTo("new\nlines\n");
    }

    @Test
    void recordsLongerThanTheBuffer_areWrittenWhole() throws Exception {
        Path out = dir.resolve("out");
        String big = "z".repeat(TextFileWriter.BUFFER_SIZE + 10);
        String almost = "q".repeat(TextFileWriter.BUFFER_SIZE - 1);
        SinkDriver.runSuccessful(TextFileSink.forPath(out.toString()), new TestSinkContext(0, 1, 0),
                List.of("a", big, almost, "b"));
        assertThat(read(out.resolve("part-0"))).isEqualTo("a\n" + big + "\n" + almost + "\nb\n");
    }

    @Test
    void validate_createsAMissingDirectory_andAcceptsHiddenContent() throws Exception {
        Path out = dir.resolve("new/nested");
        TextFileSink.forPath(out.toString()).validate(new Configuration());
        assertThat(out).isDirectory();
        Files.writeString(out.resolve("_SUCCESS"), "");
        Files.writeString(out.resolve(".crc"), "x");
        TextFileSink.forPath(out.toUri().toString()).validate(new Configuration());
        assertThat(names(out)).containsExactlyInAnyOrder("_SUCCESS", ".crc");
    }

    @Test
    void validate_inProgressFilesOfARunThatDied_countAsOutput() throws Exception {
        Path out = Files.createDirectories(dir.resolve("died"));
        Files.writeString(out.resolve(".part-0-0.inprogress"), "partial");
        assertThatThrownBy(() -> TextFileSink.forPath(out.toString()).validate(new Configuration()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Output directory file:" + out + " holds .part-0-0.inprogress, partial output of an"
                        + " earlier run that did not end: delete it (or the directory) or choose another");
        TextFileSink.forPath(out.toString()).withOverwrite(true).validate(new Configuration());
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aNewAttemptDeletesWhatEarlierAttemptsOfItsSubtaskLeftWhenTheyDied() throws Exception {
        Path out = Files.createDirectories(dir.resolve("restarted"));
        Files.writeString(out.resolve(".part-0-0.inprogress"), "died");
        Files.writeString(out.resolve(".part-1-0.inprogress"), "another subtask's");
        SinkDriver.runSuccessful(TextFileSink.forPath(out.toString()), new TestSinkContext(0, 2, 1), List.of("a"));
        assertThat(names(out)).containsExactlyInAnyOrder("part-0", ".part-1-0.inprogress");
    }

    @Test
    void validate_nonEmptyDirectory_isRefusedUnlessOverwriting() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("part-0"), "old\n");
        Files.writeString(out.resolve("_SUCCESS"), "");
        assertThatThrownBy(() -> TextFileSink.forPath(out.toString()).validate(new Configuration()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Output directory file:" + out + " already exists and is not empty: delete it or"
                        + " choose another");
        TextFileSink.forPath(out.toString()).withOverwrite(true).validate(new Configuration());
        assertThat(names(out)).containsExactly("_SUCCESS");
    }

    @Test
    void validate_overwriteKeepsVisibleSubdirectories_andSaysSo() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("keep"));
        assertThatThrownBy(() -> TextFileSink.forPath(out.toString()).withOverwrite(true)
                .validate(new Configuration()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("contains the directory keep");
        assertThat(out.resolve("keep")).isDirectory();
    }

    @Test
    void validate_existingFile_isRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> TextFileSink.forPath(file.toString()).validate(new Configuration()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Output path file:" + file + " is an existing file: choose a directory path for the"
                        + " output");
    }

    @Test
    void validate_unwritableDirectory_isOneLineNamingThePathAndTheFix() throws Exception {
        Path underFile = Files.writeString(dir.resolve("file"), "x").resolve("out");
        assertUnwritable(underFile.toString(), "file:" + underFile);
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertUnwritable("/proc/weft-test-out", "file:/proc/weft-test-out");
        }
    }

    @Test
    void validate_overlongName_isNotCalledAPermissionProblem() {
        String name = "é".repeat(128); // 256 bytes in UTF-8, 128 characters
        Path out = dir.resolve("out").resolve(name);
        assertThatThrownBy(() -> TextFileSink.forPath(out.toString()).validate(new Configuration()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageStartingWith("Output path file:" + out + " has a name of 256 bytes")
                .hasMessageNotContaining("permission");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void validate_readOnlyParent_saysWhatTheOperatingSystemSays() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("locked"));
        assertThat(parent.toFile().setWritable(false, false)).isTrue();
        try {
            if (Files.isWritable(parent)) {
                return; // running as root: nothing is read-only
            }
            assertThatThrownBy(() -> TextFileSink.forPath(parent.resolve("out").toString())
                    .validate(new Configuration()))
                    .hasMessageContaining("cannot create it: no write permission in " + parent);
        } finally {
            parent.toFile().setWritable(true, true);
        }
    }

    private static void assertUnwritable(String path, String shown) {
        assertThatThrownBy(() -> TextFileSink.forPath(path).validate(new Configuration()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageStartingWith("Cannot write to output directory " + shown + ": ")
                .hasMessageEndingWith(" — choose a writable directory")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static List<String> names(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
