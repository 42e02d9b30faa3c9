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
    void emptyFileAndEmptyDirectory_giveNoLines() throws Exception {
        Path empty = write(dir.resolve("empty/e.txt"), "");
        Files.createDirectories(dir.resolve("nothing"));
        assertThat(SourceDriver.readAll(TextFileSource.forPath(empty.toString()), 2, MAX_BATCH)).isEmpty();
        assertThat(SourceDriver.readAll(TextFileSource.forPath(empty.getParent().toString()), 2, MAX_BATCH))
                .isEmpty();
        TextFileSource nothing = TextFileSource.forPath(dir.resolve("nothing").toString());
        nothing.validate(new Configuration());
        assertThat(SourceDriver.readAll(nothing, 3, MAX_BATCH)).isEmpty();
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
