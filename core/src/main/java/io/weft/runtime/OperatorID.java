package io.weft.runtime;

/**
 * Identifies one operator across runs of a program, for matching checkpointed state to operators: derived from the
 * operator's {@code uid}, or without one from its position in the program — never from its parallelism, so a job
 * restored at another parallelism finds its state. Immutable and thread-safe.
 */
public final class OperatorID extends AbstractId {
    public OperatorID(long upper, long lower) {
        super(upper, lower);
    }
}
