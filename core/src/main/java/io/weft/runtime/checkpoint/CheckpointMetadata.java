package io.weft.runtime.checkpoint;

import io.weft.api.JobID;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code _metadata} file holds: which job and checkpoint it is, when it was triggered, whether it is a
 * savepoint, and the state of every operator. Immutable.
 */
public record CheckpointMetadata(JobID jobId, long checkpointId, long timestamp, CheckpointType type,
        List<OperatorState> operators) {
    public CheckpointMetadata {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(type, "type");
        operators = List.copyOf(operators);
    }
}
