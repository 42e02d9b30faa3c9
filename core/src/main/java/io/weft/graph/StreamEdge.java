package io.weft.graph;

import io.weft.api.functions.KeySelector;
import io.weft.streaming.partitioner.PartitionType;

/** An edge of the {@link StreamGraph}: how records of one node reach another. Immutable. */
public record StreamEdge(StreamNode source, StreamNode target, PartitionType partitionType,
        KeySelector<?, ?> keySelector) {
    @Override
    public String toString() {
        return source + " -[" + partitionType + "]-> " + target;
    }
}
