package io.weft.runtime;

/** Identifies one slot allocation; immutable and thread-safe. */
public final class AllocationID extends AbstractId {
    public AllocationID() {
    }

    public AllocationID(long upper, long lower) {
        super(upper, lower);
    }
}
