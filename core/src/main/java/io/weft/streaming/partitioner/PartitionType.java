package io.weft.streaming.partitioner;

/** How records of an edge are distributed to the consumer's subtasks. */
public enum PartitionType {
    /** Subtask i to subtask i; needs equal parallelism; such edges chain. */
    FORWARD,
    /** By key group of the record's key (max parallelism groups). */
    HASH,
    /** Round-robin over all consumer subtasks. */
    REBALANCE,
    /** Every record to every consumer subtask. */
    BROADCAST;

    /** Whether each producer subtask talks to one consumer subtask (pointwise) rather than to all. */
    public boolean isPointwise() {
        return this == FORWARD;
    }
}
