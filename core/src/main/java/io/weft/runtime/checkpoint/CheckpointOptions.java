package io.weft.runtime.checkpoint;

import java.util.Objects;

/**
 * How one checkpoint is to be taken, carried by its barriers from the sources to every task: its type, how
 * tasks align its barriers, after how long an aligned checkpoint switches to unaligned (0: never), and where a
 * savepoint goes (empty for checkpoints, which go to the job's checkpoint directory). Immutable.
 *
 * @param alignedTimeoutMillis for {@link AlignmentType#ALIGNED}: how long a task may hold channels before it
 *     takes the checkpoint unaligned ({@code execution.checkpointing.aligned-checkpoint-timeout}); 0 never
 * @param targetLocation the savepoint's directory, or "" for a checkpoint
 */
public record CheckpointOptions(CheckpointType type, AlignmentType alignment, long alignedTimeoutMillis,
        String targetLocation) {
    public CheckpointOptions {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(alignment, "alignment");
        Objects.requireNonNull(targetLocation, "targetLocation");
        if (alignedTimeoutMillis < 0) {
            throw new IllegalArgumentException("The aligned checkpoint timeout must not be negative, not "
                    + alignedTimeoutMillis);
        }
        if (type.isSavepoint() && alignment == AlignmentType.UNALIGNED) {
            // a savepoint must be relocatable and rescalable: in-flight data would tie it to the channels
            throw new IllegalArgumentException("A savepoint cannot be unaligned");
        }
    }

    /** A periodic checkpoint aligned exactly-once, never switching to unaligned. */
    public static CheckpointOptions alignedCheckpoint() {
        return new CheckpointOptions(CheckpointType.CHECKPOINT, AlignmentType.ALIGNED, 0, "");
    }

    /** Whether tasks hold channels that delivered this checkpoint's barrier. */
    public boolean holdsChannels() {
        return alignment == AlignmentType.ALIGNED;
    }
}
