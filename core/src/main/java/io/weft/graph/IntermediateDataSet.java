package io.weft.graph;

import io.weft.runtime.IntermediateDataSetID;

/** The records one vertex sends over one network edge; consumed by one {@link JobEdge}. */
public final class IntermediateDataSet {
    private final IntermediateDataSetID id;
    private final JobVertex producer;
    private final StreamEdge streamEdge;
    private JobEdge consumer;

    IntermediateDataSet(IntermediateDataSetID id, JobVertex producer, StreamEdge streamEdge) {
        this.id = id;
        this.producer = producer;
        this.streamEdge = streamEdge;
    }

    public IntermediateDataSetID getId() {
        return id;
    }

    public JobVertex getProducer() {
        return producer;
    }

    /** The stream edge this data set carries: its source node, partitioner and key selector. */
    public StreamEdge getStreamEdge() {
        return streamEdge;
    }

    public JobEdge getConsumer() {
        return consumer;
    }

    void setConsumer(JobEdge consumer) {
        this.consumer = consumer;
    }
}
