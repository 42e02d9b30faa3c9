package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.weft.dist.YarnSandbox.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the YARN client's integration tests: one sandbox per test class, started before its first test with
 * {@code /words.txt} on HDFS and stopped after its last. Test classes run one at a time on JUnit's thread.
 */
abstract class YarnSandboxTest {
    /** The text of {@code hdfs:///words.txt}. */
    static final String WORDS = "To be, or not to be: that is the question.\nWhether 'tis nobler to be\n";
    /** WordCount's output lines for {@link #WORDS}, sorted. */
    static final List<String> WORD_COUNTS = List.of("be\t3", "is\t1", "nobler\t1", "not\t1", "or\t1",
            "question\t1", "that\t1", "the\t1", "tis\t1", "to\t3", "whether\t1");

    @TempDir
    static Path dir;
    static YarnSandbox sandbox;

    @BeforeAll
    static void startSandbox() throws IOException, InterruptedException {
        assumeThat(Path.of("/proc/self/cmdline")).as("a Linux /proc to check processes by pid").exists();
        sandbox = YarnSandbox.start(dir);
        Path words = Files.writeString(dir.resolve("words.txt"), WORDS);
        Run put = sandbox.run("hdfs", "dfs", "-put", words.toString(), "/words.txt");
        assertThat(put.exitCode()).as(put::toString).isZero();
    }

    @AfterAll
    static void stopSandbox() throws IOException, InterruptedException {
        if (sandbox != null) {
            sandbox.stop();
            sandbox = null;
        }
    }
}
