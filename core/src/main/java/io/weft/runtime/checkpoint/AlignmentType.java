package io.weft.runtime.checkpoint;

/** How a task with several input channels handles the barriers of one checkpoint. */
public enum AlignmentType {
    /** Exactly-once: a channel that delivered the barrier is held until every channel has delivered it. */
    ALIGNED,
    /** At-least-once: no channel is held; the snapshot is taken when the last barrier arrives. */
    AT_LEAST_ONCE,
    /** Exactly-once without holding: barriers overtake buffered data, which becomes part of the snapshot. */
    UNALIGNED
}
