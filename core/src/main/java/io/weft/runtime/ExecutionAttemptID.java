package io.weft.runtime;

/** Identifies one execution attempt of one subtask; immutable and thread-safe. */
public final class ExecutionAttemptID extends AbstractId {
    public ExecutionAttemptID() {
    }

    public ExecutionAttemptID(long upper, long lower) {
        super(upper, lower);
    }
}
