package io.weft.runtime.network;

import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.types.TypeSerializer;

/**
 * One producer subpartition as seen by its consumer task: the subpartition once it is available, and the
 * deserializer of the records that arrive through it.
 *
 * <p>Connected from a producer or registration thread; read by the consumer's task thread only.
 */
public final class InputChannel implements BufferAvailabilityListener {
    private final InputGate gate;
    private final int index;
    private final ResultPartitionID partitionId;
    private final RecordDeserializer<Object> deserializer;
    private volatile ResultSubpartition subpartition;
    private boolean finished;
    boolean enqueued;

    InputChannel(InputGate gate, int index, ResultPartitionID partitionId, TypeSerializer<Object> serializer) {
        this.gate = gate;
        this.index = index;
        this.partitionId = partitionId;
        this.deserializer = new RecordDeserializer<>(serializer);
    }

    public int index() {
        return index;
    }

    public ResultPartitionID partitionId() {
        return partitionId;
    }

    public RecordDeserializer<Object> deserializer() {
        return deserializer;
    }

    void connect(ResultSubpartition s) {
        subpartition = s;
        s.setListener(this);
    }

    @Override
    public void notifyDataAvailable() {
        gate.notifyChannelNonEmpty(this);
    }

    Buffer poll() {
        ResultSubpartition s = subpartition;
        return s == null ? null : s.poll();
    }

    boolean hasMoreData() {
        ResultSubpartition s = subpartition;
        return s != null && !s.isEmpty();
    }

    boolean isFinished() {
        return finished;
    }

    void markFinished() {
        finished = true;
    }

    /** Drops the subpartition's remaining data and the partially read buffer. */
    void release() {
        deserializer.clear();
        ResultSubpartition s = subpartition;
        if (s != null) {
            s.release();
        }
    }
}
