package io.weft.jobmanager.executiongraph;

import io.weft.graph.IntermediateDataSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The parallel form of an {@link IntermediateDataSet}: one partition per producer subtask.
 *
 * <p>JobMaster main thread only.
 */
public final class IntermediateResult {
    private final IntermediateDataSet dataSet;
    private final ExecutionJobVertex producer;
    private final List<IntermediateResultPartition> partitions = new ArrayList<>();
    private ExecutionJobVertex consumer;

    IntermediateResult(IntermediateDataSet dataSet, ExecutionJobVertex producer) {
        this.dataSet = dataSet;
        this.producer = producer;
        for (ExecutionVertex v : producer.getTaskVertices()) {
            IntermediateResultPartition p = new IntermediateResultPartition(this, v);
            partitions.add(p);
            v.getProducedPartitions().add(p);
        }
    }

    public IntermediateDataSet getDataSet() {
        return dataSet;
    }

    public ExecutionJobVertex getProducer() {
        return producer;
    }

    public List<IntermediateResultPartition> getPartitions() {
        return partitions;
    }

    public ExecutionJobVertex getConsumer() {
        return consumer;
    }

    void setConsumer(ExecutionJobVertex consumer) {
        this.consumer = consumer;
    }

    /** Whether producer i feeds only consumer i (forward), rather than every consumer. */
    public boolean isPointwise() {
        return dataSet.getStreamEdge().partitionType().isPointwise();
    }

    /** Subpartitions of each partition: 1 when pointwise, else one per consumer subtask. */
    public int numberOfSubpartitions() {
        return isPointwise() ? 1 : consumer.getParallelism();
    }
}
