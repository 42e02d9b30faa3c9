package io.weft.runtime.deployment;

import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.IntermediateDataSetID;

/**
 * Identifies the partition one producer attempt writes for one data set: the data set, the producer's subtask
 * index and the producer's attempt (a restarted producer writes a new partition). Immutable.
 */
public record ResultPartitionID(IntermediateDataSetID dataSetId, int partitionIndex, ExecutionAttemptID producerId) {
    @Override
    public String toString() {
        return dataSetId + "#" + partitionIndex + "@" + producerId;
    }
}
