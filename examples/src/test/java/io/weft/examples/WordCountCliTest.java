package io.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.client.cli.CliFrontend;
import io.weft.client.cluster.JobJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WordCount through {@code weft run} as users run it: bad input and output give one line and exit code 2 and
 * leave nothing behind; good input gives FINISHED and exit code 0.
 */
class WordCountCliTest {
    @TempDir
    static Path dir;
    private static Path jar;
    private static Map<String, String> env;

    @BeforeAll
    static void packExamples() throws IOException, URISyntaxException {
        Path classes = Path.of(WordCount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        jar = dir.resolve("weft-examples.jar");
        JobJars.pack(classes, WordCount.class.getName(), jar);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("weft-conf.yaml"), "# all defaults\n");
        env = Map.of("WEFT_CONF_DIR", conf.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run weft(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new CliFrontend(env).run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingInputPathIsOneLineAndExitTwo() {
        Path output = dir.resolve("out-missing-input");
        Run r = weft("run", jar.toString(), "--input", dir.resolve("no-such-input").toString(), "--output",
                output.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines()).as(r.toString()).hasSize(1).first().asString()
                .contains("no-such-input").contains("does not exist");
        assertThat(r.out()).doesNotContain("submitted");
    }

    @Test
    void unwritableOutputIsOneLineAndExitTwo() throws IOException {
        Path input = Files.writeString(dir.resolve("words.txt"), "a b a\n");
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        Run r = weft("run", jar.toString(), "--input", input.toString(), "--output",
                blocker.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines()).as(r.toString()).hasSize(1).first().asString().contains("a-file");
    }

    @Test
    void goodInputFinishesWithExitZeroAndExactOutput() throws IOException {
        Path input = Files.writeString(dir.resolve("good.txt"), "To be, or not to be\r\n");
        Path output = dir.resolve("out-good");
        Run r = weft("run", "-p", "2", jar.toString(), "--input", input.toString(), "--output", output.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().lines()).as(r.toString()).hasSize(2).last().asString().endsWith("FINISHED");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> parts = Files.list(output)) {
            for (Path p : parts.sorted().toList()) {
                all.append(Files.readString(p));
            }
        }
        assertThat(all.toString().lines().sorted().toList()).containsExactly("be\t2", "not\t1", "or\t1", "to\t2");
    }
}
