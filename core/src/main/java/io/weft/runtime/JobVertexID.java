package io.weft.runtime;

/** Identifies a vertex of the JobGraph; immutable and thread-safe. */
public final class JobVertexID extends AbstractId {
    public JobVertexID() {
    }

    public JobVertexID(long upper, long lower) {
        super(upper, lower);
    }
}
