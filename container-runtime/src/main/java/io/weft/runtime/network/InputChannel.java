package io.weft.runtime.network;

import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.types.TypeSerializer;

/**
 * One producer subpartition as seen by its consumer task: the view of it once it is available (the subpartition
 * itself, or what arrives from a remote TaskManager), and the deserializer of the records that arrive through it.
 *
 * <p>Connected from a producer, registration or network thread; read by the consumer's task thread only. A view
 * connected after the channel was released is released at once.
 */
public final class InputChannel implements BufferAvailabilityListener {
    private final InputGate gate;
    private final int index;
    private final ResultPartitionID partitionId;
    private final RecordDeserializer<Object> deserializer;
    private volatile SubpartitionView view;
    private boolean released;
    private boolean finished;
    boolean enqueued;
    /** Held by the task (aligning barriers): the gate skips it. Task thread only. */
    boolean blocked;

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

    void connect(SubpartitionView v) {
        synchronized (this) {
            if (!released) {
                view = v;
            }
        }
        if (view == v) {
            v.setListener(this);
        } else {
            v.release();
        }
    }

    @Override
    public void notifyDataAvailable() {
        gate.notifyChannelNonEmpty(this);
    }

    Buffer poll() {
        SubpartitionView v = view;
        return v == null ? null : v.poll();
    }

    boolean hasMoreData() {
        SubpartitionView v = view;
        return v != null && !v.isEmpty();
    }

    /** Whether the channel delivered its end-of-partition event. Task thread only. */
    public boolean isFinished() {
        return finished;
    }

    void markFinished() {
        finished = true;
    }

    /** Drops the view's remaining data and the partially read buffer. */
    void release() {
        deserializer.clear();
        SubpartitionView v;
        synchronized (this) {
            released = true;
            v = view;
        }
        if (v != null) {
            v.release();
        }
    }
}
