package io.weft.graph;

import io.weft.streaming.partitioner.PartitionType;

/** Connects an {@link IntermediateDataSet} to the vertex that reads it. Immutable. */
public record JobEdge(IntermediateDataSet source, JobVertex target) {
    public PartitionType partitionType() {
        return source.getStreamEdge().partitionType();
    }
}
