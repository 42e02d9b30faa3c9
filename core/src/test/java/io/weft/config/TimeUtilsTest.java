package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeUtilsTest {
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("0", Duration.ZERO),
                Arguments.of("500", Duration.ofMillis(500)),
                Arguments.of("500 ms", Duration.ofMillis(500)),
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("3 millis", Duration.ofMillis(3)),
                Arguments.of("1 milli", Duration.ofMillis(1)),
                Arguments.of("10 s", Duration.ofSeconds(10)),
                Arguments.of("10s", Duration.ofSeconds(10)),
                Arguments.of("2 sec", Duration.ofSeconds(2)),
                Arguments.of("1 second", Duration.ofSeconds(1)),
                Arguments.of("30 seconds", Duration.ofSeconds(30)),
                Arguments.of("5 min", Duration.ofMinutes(5)),
                Arguments.of("5min", Duration.ofMinutes(5)),
                Arguments.of("5 m", Duration.ofMinutes(5)),
                Arguments.of("1 minute", Duration.ofMinutes(1)),
                Arguments.of("90 minutes", Duration.ofMinutes(90)),
                Arguments.of("1 h", Duration.ofHours(1)),
                Arguments.of("2 hours", Duration.ofHours(2)),
                Arguments.of("1 hour", Duration.ofHours(1)),
                Arguments.of("1 d", Duration.ofDays(1)),
                Arguments.of("7 days", Duration.ofDays(7)),
                Arguments.of("1 day", Duration.ofDays(1)),
                Arguments.of("10 S", Duration.ofSeconds(10)),
                Arguments.of("  4 MIN  ", Duration.ofMinutes(4)));
    }

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @MethodSource("texts")
    void parsesFlinkNotation(String text, Duration expected) {
        assertThat(TimeUtils.parseDuration(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ms", "-5 s", "1.5 s", "5 s 3 ms", "s 5", "five seconds"})
    void malformedTextIsRejected(String text) {
        assertThatThrownBy(() -> TimeUtils.parseDuration(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownUnitIsNamed() {
        assertThatThrownBy(() -> TimeUtils.parseDuration("3 weeks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'weeks'");
    }

    @Test
    void formatUsesTheLargestWholeUnit() {
        assertThat(TimeUtils.formatDuration(Duration.ZERO)).isEqualTo("0 ms");
        assertThat(TimeUtils.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(TimeUtils.formatDuration(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(TimeUtils.formatDuration(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(TimeUtils.formatDuration(Duration.ofMinutes(2))).isEqualTo("2 min");
        assertThat(TimeUtils.formatDuration(Duration.ofMinutes(90))).isEqualTo("90 min");
        assertThat(TimeUtils.formatDuration(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(TimeUtils.formatDuration(Duration.ofDays(2))).isEqualTo("48 h");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 999, 1000, 1001, 59_999, 60_000, 61_000, 3_599_000, 3_600_000, 86_400_000,
            123_456_789, 9_000_000_000L})
    void formattedDurationsParseBackToTheSameValue(long millis) {
        Duration d = Duration.ofMillis(millis);
        assertThat(TimeUtils.parseDuration(TimeUtils.formatDuration(d))).isEqualTo(d);
    }
}
