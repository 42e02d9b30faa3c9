package io.weft.runtime.deployment;

import io.weft.graph.IntermediateDataSet;

/**
 * A partition a task must create: which data set it belongs to and how many subpartitions (one per consumer
 * subtask it feeds). Immutable.
 */
public record ResultPartitionDeploymentDescriptor(ResultPartitionID partitionId, IntermediateDataSet dataSet,
        int numberOfSubpartitions) {
}
