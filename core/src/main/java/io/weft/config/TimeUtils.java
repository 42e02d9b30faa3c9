package io.weft.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints durations in Flink's notation ({@code 500 ms}, {@code 10 s}, {@code 5min}, {@code 1 h}). */
public final class TimeUtils {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("ns", Duration.ofNanos(1)), Map.entry("nanos", Duration.ofNanos(1)),
            Map.entry("", Duration.ofMillis(1)), Map.entry("ms", Duration.ofMillis(1)),
            Map.entry("milli", Duration.ofMillis(1)), Map.entry("millis", Duration.ofMillis(1)),
            Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("second", Duration.ofSeconds(1)), Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("min", Duration.ofMinutes(1)), Map.entry("m", Duration.ofMinutes(1)),
            Map.entry("minute", Duration.ofMinutes(1)), Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)), Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)), Map.entry("d", Duration.ofDays(1)),
            Map.entry("day", Duration.ofDays(1)), Map.entry("days", Duration.ofDays(1)));

    private TimeUtils() {
    }

    /** Parses a duration; a bare number is milliseconds. */
    public static Duration parseDuration(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration");
        }
        Duration unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException("unknown time unit '" + m.group(2) + "'");
        }
        return unit.multipliedBy(Long.parseLong(m.group(1)));
    }

    /** Prints the largest whole unit: {@code 2 min}, {@code 1500 ms}. */
    public static String formatDuration(Duration d) {
        if (d.toNanos() % 1_000_000 != 0) {
            return d.toNanos() + " ns";
        }
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + " h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        if (ms != 0 && ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms + " ms";
    }
}
