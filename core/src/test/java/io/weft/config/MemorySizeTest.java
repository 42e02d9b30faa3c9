package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemorySizeTest {
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("0", 0L),
                Arguments.of("1024", 1024L),
                Arguments.of("12b", 12L),
                Arguments.of("12 bytes", 12L),
                Arguments.of("1k", 1024L),
                Arguments.of("2kb", 2048L),
                Arguments.of("3 KiB", 3072L),
                Arguments.of("1m", 1L << 20),
                Arguments.of("64mb", 64L << 20),
                Arguments.of("64 MB", 64L << 20),
                Arguments.of("5mib", 5L << 20),
                Arguments.of("1g", 1L << 30),
                Arguments.of("2gb", 2L << 30),
                Arguments.of("3 GiB", 3L << 30),
                Arguments.of("1t", 1L << 40),
                Arguments.of("2 tb", 2L << 40),
                Arguments.of(" 8 tib ", 8L << 40));
    }

    @ParameterizedTest(name = "\"{0}\" = {1} bytes")
    @MethodSource("texts")
    void parsesFlinkNotation(String text, long bytes) {
        assertThat(MemorySize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mb", "-1mb", "1.5g", "1 g b", "many"})
    void malformedTextIsRejected(String text) {
        assertThatThrownBy(() -> MemorySize.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownUnitIsNamed() {
        assertThatThrownBy(() -> MemorySize.parse("4 pb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pb'");
    }

    @Test
    void sizesBeyondTheRangeOfALongAreRejectedRatherThanWrapped() {
        // 2^24 terabytes = 2^64 bytes, which wraps to 0; 2^23 tb wraps to a negative size
        assertThatThrownBy(() -> MemorySize.parse("16777216tb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemorySize.parse("8388608t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemorySize.parse("99999999999999999999")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void toStringUsesTheLargestWholeUnit() {
        assertThat(new MemorySize(0)).hasToString("0b");
        assertThat(new MemorySize(1000)).hasToString("1000b");
        assertThat(new MemorySize(2048)).hasToString("2kb");
        assertThat(MemorySize.ofMebiBytes(64)).hasToString("64mb");
        assertThat(MemorySize.ofMebiBytes(1536)).hasToString("1536mb");
        assertThat(MemorySize.ofMebiBytes(2048)).hasToString("2g");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 1023, 1024, 1025, 32768, 1L << 20, (1L << 20) + 1024, 3L << 30, 5L << 40,
            Long.MAX_VALUE})
    void printedSizesParseBackToTheSameValue(long bytes) {
        MemorySize m = new MemorySize(bytes);
        assertThat(MemorySize.parse(m.toString())).isEqualTo(m);
    }

    @Test
    void mebiBytesConvertBothWays() {
        assertThat(MemorySize.ofMebiBytes(3).bytes()).isEqualTo(3L * 1024 * 1024);
        assertThat(MemorySize.ofMebiBytes(3).getMebiBytes()).isEqualTo(3);
        assertThat(new MemorySize((5L << 20) + 100).getMebiBytes()).isEqualTo(5);
    }
}
