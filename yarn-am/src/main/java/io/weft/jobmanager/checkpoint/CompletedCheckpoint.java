package io.weft.jobmanager.checkpoint;

import io.weft.runtime.checkpoint.CheckpointMetadata;
import io.weft.runtime.checkpoint.CheckpointType;
import java.util.Objects;

/**
 * A checkpoint or savepoint whose {@code _metadata} was committed: what a job restores from. Immutable.
 *
 * @param externalPointer where it is ({@code <dir>/<job id>/chk-<n>} or the savepoint's directory); a JobManager
 *     memory marker for checkpoints kept in memory
 * @param completionTimestamp when its metadata was committed
 */
public record CompletedCheckpoint(CheckpointMetadata metadata, String externalPointer, long completionTimestamp) {
    public CompletedCheckpoint {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(externalPointer, "externalPointer");
    }

    public long checkpointId() {
        return metadata.checkpointId();
    }

    public CheckpointType type() {
        return metadata.type();
    }

    public boolean isSavepoint() {
        return metadata.type().isSavepoint();
    }
}
