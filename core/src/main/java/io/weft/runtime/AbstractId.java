package io.weft.runtime;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Base of the 128-bit random ids of runtime objects; immutable and thread-safe. */
public abstract class AbstractId {
    private final long upper;
    private final long lower;

    protected AbstractId() {
        this(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
    }

    protected AbstractId(long upper, long lower) {
        this.upper = upper;
        this.lower = lower;
    }

    public long upper() {
        return upper;
    }

    public long lower() {
        return lower;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((AbstractId) o).upper == upper
                && ((AbstractId) o).lower == lower;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(upper) * 31 + Long.hashCode(lower);
    }

    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(upper) + HexFormat.of().toHexDigits(lower);
    }
}
