package io.weft.runtime.network;

import io.weft.runtime.checkpoint.CheckpointOptions;
import java.util.Objects;

/**
 * An in-band event: what travels between tasks in the order of the records around it, but is no record —
 * checkpoint barriers, the marker that cancels a checkpoint, and the ends of data and of a partition. A producer
 * broadcasts events to every subpartition after flushing what it buffered (so an event never overtakes a record
 * emitted before it); the input gate hands them to the task with their channel. Immutable.
 */
public sealed interface RuntimeEvent {
    /** The last element of a subpartition: nothing follows, and the subpartition counts as consumed. */
    RuntimeEvent END_OF_PARTITION = new EndOfPartition();
    /** The producer will emit no more records (it may still take part in a final checkpoint). */
    RuntimeEvent END_OF_DATA = new EndOfData();

    /** See {@link #END_OF_PARTITION}. */
    record EndOfPartition() implements RuntimeEvent {
    }

    /** See {@link #END_OF_DATA}. */
    record EndOfData() implements RuntimeEvent {
    }

    /**
     * Marks where checkpoint {@code checkpointId} cuts the stream: records before it belong to the snapshot's
     * past, records after it to its future.
     *
     * @param timestamp when the coordinator triggered the checkpoint, epoch millis
     */
    record CheckpointBarrier(long checkpointId, long timestamp, CheckpointOptions options) implements RuntimeEvent {
        public CheckpointBarrier {
            if (checkpointId < 1) {
                throw new IllegalArgumentException("Checkpoint ids start at 1, not " + checkpointId);
            }
            Objects.requireNonNull(options, "options");
        }
    }

    /** Checkpoint {@code checkpointId} was abandoned upstream: stop aligning it and release held channels. */
    record CancelCheckpointMarker(long checkpointId) implements RuntimeEvent {
        public CancelCheckpointMarker {
            if (checkpointId < 1) {
                throw new IllegalArgumentException("Checkpoint ids start at 1, not " + checkpointId);
            }
        }
    }
}
