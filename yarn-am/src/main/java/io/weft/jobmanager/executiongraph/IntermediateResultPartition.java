package io.weft.jobmanager.executiongraph;

/** The part of an {@link IntermediateResult} one producer subtask writes. JobMaster main thread only. */
public final class IntermediateResultPartition {
    private final IntermediateResult result;
    private final ExecutionVertex producer;

    IntermediateResultPartition(IntermediateResult result, ExecutionVertex producer) {
        this.result = result;
        this.producer = producer;
    }

    public IntermediateResult getResult() {
        return result;
    }

    public ExecutionVertex getProducer() {
        return producer;
    }

    public int getPartitionIndex() {
        return producer.getSubtaskIndex();
    }
}
