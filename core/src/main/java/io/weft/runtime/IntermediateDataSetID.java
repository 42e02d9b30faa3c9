package io.weft.runtime;

/** Identifies a data set produced by a JobVertex; immutable and thread-safe. */
public final class IntermediateDataSetID extends AbstractId {
    public IntermediateDataSetID() {
    }

    public IntermediateDataSetID(long upper, long lower) {
        super(upper, lower);
    }
}
