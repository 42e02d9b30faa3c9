package io.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WordCount on the embedded cluster gives exactly the counts of an independent count (a regular expression over
 * Unicode letter and digit classes), at parallelism 1 to 4 in both modes, over input with unicode, CRLF lines, a
 * line of several megabytes, an empty file, a file without a final newline, and hidden files that must be skipped.
 */
class WordCountExactnessTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");
    @TempDir
    static Path dir;
    private static Path input;
    private static Map<String, Long> expected;

    @BeforeAll
    static void writeInput() throws IOException {
        input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("unicode.txt"), "Straße STRASSE straße école ÉCOLE naïve 日本語 😀smile\n"
                + "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝔘𝔫𝔦𝔠𝔬𝔡𝔢! ٣٤ ३४ x1-y2_z3 don't\n", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("crlf.txt"), "alpha beta\r\nBeta gamma\r\n\r\nalpha\r\n", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("empty.txt"), "");
        Files.writeString(input.resolve("no-newline.txt"), "last line without newline", StandardCharsets.UTF_8);
        Files.writeString(input.resolve(".hidden"), "hidden words must not count\n");
        Files.writeString(input.resolve("_SUCCESS"), "marker words must not count\n");
        Random random = new Random(7);
        StringBuilder big = new StringBuilder();
        String[] vocabulary = {"weft", "warp", "loom", "yarn", "shuttle", "Ölung", "ñandú", "42", "x"};
        String[] separators = {" ", ", ", "; ", "\t", " -- ", "…"};
        while (big.length() < 4_000_000) {
            big.append(vocabulary[random.nextInt(vocabulary.length)]).append(separators[random.nextInt(separators.length)]);
        }
        Files.writeString(input.resolve("one-big-line.txt"), big + "\n", StandardCharsets.UTF_8);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append("line ").append(i % 97).append(" of ").append(vocabulary[i % vocabulary.length]).append('\n');
        }
        Files.writeString(input.resolve("many-lines.txt"), many, StandardCharsets.UTF_8);
        expected = independentCount(input);
    }

    private static Map<String, Long> independentCount(Path directory) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                Matcher m = WORD.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    counts.merge(m.group().toLowerCase(Locale.ROOT), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    @ParameterizedTest(name = "{0} mode at parallelism {1}")
    @CsvSource({"batch,1", "batch,2", "batch,3", "batch,4", "streaming,1", "streaming,2", "streaming,3",
            "streaming,4"})
    void countsAreExact(String mode, int parallelism) throws Exception {
        Path output = dir.resolve("out-" + mode + "-" + parallelism);
        WordCount.main(new String[] {"--input", input.toString(), "--output", output.toString(), "--mode", mode,
                "--parallelism", String.valueOf(parallelism)});
        Map<String, Long> actual = new HashMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path f : files.toList()) {
                assertThat(f.getFileName().toString()).startsWith("part-");
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    assertThat(actual.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1))))
                            .as("word %s written once", line).isNull();
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).containsEntry("straße", 2L).containsEntry("𝔘𝔫𝔦𝔠𝔬𝔡𝔢".toLowerCase(Locale.ROOT), 2L)
                .containsEntry("alpha", 2L).doesNotContainKey("hidden");
    }
}
