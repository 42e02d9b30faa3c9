package io.weft.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory in bytes, written like Flink's ({@code 64mb}, {@code 1g}, {@code 512 kb}, {@code 1024}).
 *
 * <p>Immutable and thread-safe.
 */
public record MemorySize(long bytes) {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

    public static MemorySize ofMebiBytes(long mb) {
        return new MemorySize(mb << 20);
    }

    /** Parses a size; a bare number is bytes. */
    public static MemorySize parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory size");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b", "bytes" -> 0;
            case "k", "kb", "kib" -> 10;
            case "m", "mb", "mib" -> 20;
            case "g", "gb", "gib" -> 30;
            case "t", "tb", "tib" -> 40;
            default -> throw new IllegalArgumentException("unknown unit '" + m.group(2) + "'");
        };
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("too large");
        }
        return new MemorySize(n << shift);
    }

    public long getMebiBytes() {
        return bytes >> 20;
    }

    @Override
    public String toString() {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "g";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "mb";
        }
        if (bytes != 0 && bytes % 1024 == 0) {
            return (bytes >> 10) + "kb";
        }
        return bytes + "b";
    }
}
