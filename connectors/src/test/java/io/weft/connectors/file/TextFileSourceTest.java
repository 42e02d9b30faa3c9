package io.weft.connectors.file;

import static io.weft.connectors.file.TextFiles.expectedLines;
import static io.weft.connectors.file.TextFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.InvalidProgramException;
import io.weft.api.connector.Boundedness;
import io.weft.config.Configuration;
import io.weft.connectors.testing.SourceDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileSourceTest {
    private static final int MAX_BATCH = TextFileReader.MAX_BATCH;

    @TempDir
    Path dir;

    @Test
    void everySplitSizeAndParallelism_readsEveryLineExactlyOnce() throws Exception {
        String content = "alpha\n\nbeta\r\ngamma ü€𝄞\nδ\n\r\n x \nlast-without-newline";
        Path file = write(dir.resolve("in.txt"), content);
        int size = content.getBytes(StandardCharsets.UTF_8).length;
        List<String> expected = expectedLines(content);
        for (int splitSize = 1; splitSize <= size + 1; splitSize++) {
            TextFileSource source = TextFileSource.forPath(file.toString()).withMaxSplitSize(splitSize);
            assertThat(SourceDriver.readAll(source, 1, MAX_BATCH)).as("split size %d", splitSize)
                    .containsExactlyElementsOf(expected);
            for (int parallelism = 2; parallelism <= 4; parallelism++) {
                assertThat(SourceDriver.readAll(source, parallelism, MAX_BATCH))
                        .as("split size %d, parallelism %d", splitSize, parallelism)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void splitsFollowTheParallelism_whenSmallerThanTheMaxSplitSize() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            content.append("line ").append(i).append('\n');
        }
        Path file = write(dir.resolve("in.txt"), content.toString());
        List<List<String>> perSubtask = SourceDriver.readAllSubtasks(TextFileSource.forPath(file.toString()), 4,
                MAX_BATCH);
        List<String> all = new ArrayList<>();
        for (List<String> lines : perSubtask) {
            assertThat(lines).as("every subtask gets a quarter of the bytes").hasSizeBetween(900, 1100);
            all.addAll(lines);
        }
        assertThat(all).containsExactlyElementsOf(expectedLines(content.toString()));
    }

    @Test
    void crlfLineEndingsAreStripped() throws Exception {
        Path file = write(dir.resolve("crlf.txt"), "a\r\nb\r\n\r\nc d\r\n");
        assertThat(SourceDriver.readAll(TextFileSource.forPath(file.toString()), 1, MAX_BATCH))
                .containsExactly("a", "b", "", "c d");
    }

    @Test
    void multiMegabyteSingleLine_isReadOnceByOneSubtask() throws Exception {
        String big = "x".repeat(3 << 20) + "ü" + "y".repeat(2 << 20);
        Path file = write(dir.resolve("big.txt"), "first\n" + big + "\nlast\n");
        TextFileSource source = TextFileSource.forPath(file.toString()).withMaxSplitSize(100_000);
        for (int parallelism = 1; parallelism <= 3; parallelism++) {
            List<String> lines = SourceDriver.readAll(source, parallelism, MAX_BATCH);
            assertThat(lines).hasSize(3).contains("first", "last");
            assertThat(lines.stream().filter(big::equals)).hasSize(1);
        }
    }

    @Test
    void singleLineWithoutNewline_isStillALine() throws Exception {
        Path file = write(dir.resolve("one.txt"), "only line ∑");
        assertThat(SourceDriver.readAll(TextFileSource.forPath(file.toString()).withMaxSplitSize(3), 2, MAX_BATCH))
                .containsExactly("only line ∑");
    }

    @Test
    void emptyFileAndDirectoryOfEmptyFiles_giveNoLines() throws Exception {
        Path empty = write(dir.resolve("empty/e.txt"), "");
        TextFileSource file = TextFileSource.forPath(empty.toString());
        file.validate(new Configuration());
        assertThat(SourceDriver.readAll(file, 2, MAX_BATCH)).isEmpty();
        TextFileSource directory = TextFileSource.forPath(empty.getParent().toString());
        directory.validate(new Configuration());
        assertThat(SourceDriver.readAll(directory, 2, MAX_BATCH)).isEmpty();
    }

    @Test
    void validate_directoryWithoutInputFiles_isOneLineNamingIt() throws Exception {
        Path nothing = Files.createDirectories(dir.resolve("rien-à-lire"));
        write(dir.resolve("hidden-only/_SUCCESS"), "");
        write(dir.resolve("hidden-only/.part-0-0.inprogress"), "partial\n");
        write(dir.resolve("hidden-only/sub/a.txt"), "nested\n");
        for (Path empty : List.of(nothing, dir.resolve("hidden-only"))) {
            assertThatThrownBy(() -> TextFileSource.forPath(empty.toString()).validate(new Configuration()))
                    .isInstanceOf(InvalidProgramException.class)
                    .hasMessageStartingWith("Input directory file:" + empty + " holds no files to read")
                    .hasMessageEndingWith(": check the path");
        }
    }

    @Test
    void validate_namedPipe_isRefusedByName_alsoInsideADirectory() throws Exception {
        Path pipes = Files.createDirectories(dir.resolve("pipés"));
        Path pipe = pipes.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
        assertThatThrownBy(() -> TextFileSource.forPath(pipe.toString()).validate(new Configuration()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageStartingWith("Input path file:" + pipe + " is a named pipe, not a regular file: ");
        write(pipes.resolve("a.txt"), "a\n");
        assertThatThrownBy(() -> TextFileSource.forPath(pipes.toString()).validate(new Configuration()))
                .hasMessageStartingWith("Input directory file:" + pipes + " holds fifo, which is a named pipe, not a"
                        + " regular file: ");
    }

    @Test
    void validate_overlongName_saysSo() {
        String name = "n".repeat(HadoopFileSystems.MAX_NAME_BYTES + 1);
        assertThatThrownBy(() -> TextFileSource.forPath(dir.resolve(name).toString()).validate(new Configuration()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("has a name of 256 bytes ('nnnnnnnnnnnnnnnn…'), more than the 255");
    }

    @Test
    void directory_readsVisibleRegularFilesOnly_inPathOrder() throws Exception {
        Path in = dir.resolve("in");
        write(in.resolve("b.txt"), "b1\nb2\n");
        write(in.resolve("a.txt"), "a1\na2");
        write(in.resolve(".hidden"), "hidden\n");
        write(in.resolve("_SUCCESS"), "marker\n");
        write(in.resolve(".part-0-0.inprogress"), "in progress\n");
        write(in.resolve("sub/c.txt"), "nested\n");
        assertThat(SourceDriver.readAll(TextFileSource.forPath(in.toString()), 1, MAX_BATCH))
                .containsExactly("a1", "a2", "b1", "b2");
        assertThat(SourceDriver.readAll(TextFileSource.forPath(in.toUri().toString()), 3, MAX_BATCH))
                .containsExactlyInAnyOrder("a1", "a2", "b1", "b2");
    }

    @Test
    void manySmallFiles_everyLineOnce() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < 150; f++) {
            write(dir.resolve("many/f" + f), "f" + f + " one\nf" + f + " two\n");
            expected.add("f" + f + " one");
            expected.add("f" + f + " two");
        }
        for (int parallelism = 1; parallelism <= 4; parallelism++) {
            assertThat(SourceDriver.readAll(TextFileSource.forPath(dir.resolve("many").toString()), parallelism,
                    MAX_BATCH)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void pollEmitsBoundedBatches() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 2 * MAX_BATCH + 5; i++) {
            content.append(i).append('\n');
        }
        Path file = write(dir.resolve("n.txt"), content.toString());
        // SourceDriver fails when one poll emits more than MAX_BATCH records.
        assertThat(SourceDriver.readAll(TextFileSource.forPath(file.toString()), 1, MAX_BATCH))
                .hasSize(2 * MAX_BATCH + 5);
    }

    @Test
    void validate_missingInput_isOneLineNamingThePath() {
        Path missing = dir.resolve("x/y");
        TextFileSource source = TextFileSource.forPath(missing.toString());
        assertThatThrownBy(() -> source.validate(new Configuration()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Input path file:" + missing + " does not exist: check the path (a file or a directory)");
        assertThatThrownBy(() -> TextFileSource.forPath("file://" + missing).validate(new Configuration()))
                .hasMessage("Input path file:" + missing + " does not exist: check the path (a file or a directory)");
    }

    @Test
    void isBoundedAndRejectsBadSettings() {
        assertThat(TextFileSource.forPath("/x").getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThatThrownBy(() -> TextFileSource.forPath(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextFileSource.forPath("/x").withMaxSplitSize(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
