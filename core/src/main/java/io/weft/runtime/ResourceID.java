package io.weft.runtime;

/** Identifies a TaskManager process; immutable and thread-safe. */
public final class ResourceID extends AbstractId {
    public ResourceID() {
    }

    public ResourceID(long upper, long lower) {
        super(upper, lower);
    }
}
