package io.weft.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of one job: 16 random bytes shown as 32 lower-case hex digits.
 *
 * <p>Immutable and thread-safe.
 */
public final class JobID {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final long upper;
    private final long lower;

    public JobID(long upper, long lower) {
        this.upper = upper;
        this.lower = lower;
    }

    /** Creates a new random id. */
    public static JobID generate() {
        return new JobID(RANDOM.nextLong(), RANDOM.nextLong());
    }

    /**
     * Parses the 32-hex-digit form.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static JobID fromHexString(String hex) {
        if (hex == null || hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + hex + "' is not a job id: expected 32 hex digits");
        }
        return new JobID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    public long getUpperPart() {
        return upper;
    }

    public long getLowerPart() {
        return lower;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID other && other.upper == upper && other.lower == lower;
    }

    @Override
    public int hashCode() {
        return Objects.hash(upper, lower);
    }

    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(upper) + HexFormat.of().toHexDigits(lower);
    }
}
