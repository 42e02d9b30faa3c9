package io.weft.runtime.network;

import io.weft.streaming.partitioner.StreamPartitioner;
import io.weft.types.DataOutputSerializer;
import io.weft.types.TypeSerializer;

/**
 * Serializes a task's records for one outgoing data set into the buffers of its subpartitions: each record is
 * written once as a 4-byte length plus its bytes, then copied into the chosen subpartition's current buffer
 * (spanning into the next buffer when it does not fit). A full buffer is handed to its subpartition at once;
 * partly filled ones on {@link #flushAll()} (the task's periodic output flush) and at the end.
 *
 * <p>Producer task thread only. {@link #emit} blocks while the partition has no free buffer (backpressure); the
 * task avoids that by waiting for {@link #availability()} in its mailbox loop before it processes more input. Events
 * ({@link #broadcastEvent}) go to every subpartition after a flush.
 */
public final class RecordWriter<T> {
    private final ResultPartition partition;
    private final StreamPartitioner<T> partitioner;
    private final TypeSerializer<T> serializer;
    private final DataOutputSerializer scratch = new DataOutputSerializer(256);
    private final Buffer[] current;
    private long bytesOut;

    public RecordWriter(ResultPartition partition, StreamPartitioner<T> partitioner, TypeSerializer<T> serializer) {
        this.partition = partition;
        this.partitioner = partitioner;
        this.serializer = serializer;
        this.current = new Buffer[partition.numberOfSubpartitions()];
    }

    public void emit(T record) throws Exception {
        if (record == null) {
            throw new NullPointerException("A null record was emitted: streams cannot carry null records");
        }
        scratch.clear();
        scratch.setPosition(4);
        serializer.serialize(record, scratch);
        scratch.writeIntAt(0, scratch.length() - 4);
        int channel = partitioner.selectChannel(record);
        if (channel >= 0) {
            copyTo(channel);
        } else {
            for (int c = 0; c < current.length; c++) {
                copyTo(c);
            }
        }
    }

    private void copyTo(int channel) throws InterruptedException {
        byte[] src = scratch.getSharedBuffer();
        int offset = 0;
        int remaining = scratch.length();
        bytesOut += remaining;
        while (remaining > 0) {
            Buffer b = current[channel];
            if (b == null) {
                b = partition.requestBuffer();
                current[channel] = b;
            }
            int size = b.size();
            int n = Math.min(remaining, b.capacity() - size);
            System.arraycopy(src, offset, b.memory(), size, n);
            b.setSize(size + n);
            offset += n;
            remaining -= n;
            if (b.size() == b.capacity()) {
                partition.add(channel, b);
                current[channel] = null;
            }
        }
    }

    /** Hands every partly filled buffer to its subpartition. */
    public void flushAll() {
        for (int c = 0; c < current.length; c++) {
            Buffer b = current[c];
            if (b != null && b.size() > 0) {
                partition.add(c, b);
                current[c] = null;
            }
        }
    }

    /**
     * Flushes, then queues {@code event} on every subpartition, behind every record emitted before it.
     */
    public void broadcastEvent(RuntimeEvent event) {
        flushAll();
        partition.broadcastEvent(event);
    }

    /** Flushes, tells every consumer that no more records come, and ends every subpartition. */
    public void finish() {
        broadcastEvent(RuntimeEvent.END_OF_DATA);
        partition.finish();
    }

    /**
     * Completed when the next record can get a buffer without waiting (backpressure otherwise): the task waits on
     * it in its mailbox loop, where mails still run, instead of blocking in {@link #emit}.
     */
    public java.util.concurrent.CompletableFuture<Void> availability() {
        return partition.availability();
    }

    /** A cheap check (a volatile read) for the task's loop: whether {@link #availability()} was complete. */
    public boolean isAvailable() {
        return partition.isAvailable();
    }

    /** Returns buffers not handed over (the task failed or was cancelled). */
    public void releaseUnsent() {
        for (int c = 0; c < current.length; c++) {
            if (current[c] != null) {
                current[c].recycle();
                current[c] = null;
            }
        }
    }

    public long bytesOut() {
        return bytesOut;
    }
}
