package io.weft.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRangeReaderTest {
    /** Empty lines, CRLF, 2-, 3- and 4-byte UTF-8 characters, and a last line without '\n'. */
    private static final String CONTENT = "alpha\n\nbeta\r\ngamma ü€𝄞\nδ\n\r\n x \nlast-without-newline";

    @Test
    void rangesCutAtAnyTwoByteOffsets_readEveryLineExactlyOnceInOrder() throws IOException {
        byte[] bytes = CONTENT.getBytes(StandardCharsets.UTF_8);
        List<String> expected = TextFiles.expectedLines(CONTENT);
        for (int a = 0; a <= bytes.length; a++) {
            for (int b = a; b <= bytes.length; b++) {
                List<String> lines = new ArrayList<>();
                lines.addAll(read(bytes, 0, a, 16));
                lines.addAll(read(bytes, a, b, 16));
                lines.addAll(read(bytes, b, bytes.length, 16));
                assertThat(lines).as("ranges [0,%d) [%d,%d) [%d,%d)", a, a, b, b, bytes.length)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void rangeReadsOnlyLinesWhoseFirstByteItHolds() throws IOException {
        byte[] bytes = "ab\ncd\nef\n".getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes, 0, 1, 16)).containsExactly("ab");
        assertThat(read(bytes, 1, 3, 16)).isEmpty();
        assertThat(read(bytes, 1, 4, 16)).containsExactly("cd");
        assertThat(read(bytes, 3, 4, 16)).containsExactly("cd");
        assertThat(read(bytes, 4, 9, 16)).containsExactly("ef");
    }

    @Test
    void lineLongerThanTheBuffer_growsTheBuffer() throws IOException {
        String big = "é".repeat(100_000) + "x";
        String content = "a\n" + big + "\r\nb";
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes, 0, bytes.length, 16)).containsExactly("a", big, "b");
        assertThat(read(bytes, 1, 3, 16)).containsExactly(big);
        assertThat(read(bytes, 3, bytes.length, 16)).containsExactly("b");
    }

    @Test
    void oneReaderServesRangesOneAfterTheOther_keepingNothingOfTheLastOne() throws IOException {
        byte[] first = "a\nbb".getBytes(StandardCharsets.UTF_8);
        byte[] second = "x\ny\nz\n".getBytes(StandardCharsets.UTF_8);
        try (LineRangeReader reader = new LineRangeReader(16)) {
            assertThat(reader.readLine()).as("before the first range").isNull();
            reader.open(new ByteArrayInputStream(first), 0, 1);
            assertThat(reader.readLine()).isEqualTo("a");
            assertThat(reader.readLine()).isNull();
            ByteArrayInputStream in = new ByteArrayInputStream(second);
            in.skipNBytes(1);
            reader.open(in, 2, 6);
            assertThat(reader.readLine()).isEqualTo("y");
            assertThat(reader.readLine()).isEqualTo("z");
            assertThat(reader.readLine()).isNull();
        }
    }

    @Test
    void emptyInputAndLoneNewlines() throws IOException {
        assertThat(read(new byte[0], 0, 0, 16)).isEmpty();
        assertThat(read("\n".getBytes(StandardCharsets.UTF_8), 0, 1, 16)).containsExactly("");
        assertThat(read("\n\n".getBytes(StandardCharsets.UTF_8), 1, 2, 16)).containsExactly("");
        assertThat(read("\r".getBytes(StandardCharsets.UTF_8), 0, 1, 16)).containsExactly("");
    }

    private static List<String> read(byte[] bytes, int start, int end, int bufferSize) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        if (start > 0) {
            in.skipNBytes(start - 1);
        }
        List<String> lines = new ArrayList<>();
        try (LineRangeReader reader = new LineRangeReader(bufferSize)) {
            reader.open(in, start, end);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            assertThat(reader.readLine()).as("after the end").isNull();
        }
        return lines;
    }
}
