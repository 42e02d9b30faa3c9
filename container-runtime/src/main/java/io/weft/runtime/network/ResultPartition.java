package io.weft.runtime.network;

import io.weft.runtime.deployment.ResultPartitionID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one producer subtask attempt writes for one data set: one subpartition per consumer it feeds, and the
 * buffer pool they share. Released when every subpartition has been consumed or dropped, or when the producer
 * fails.
 *
 * <p>Written by the producer's task thread; subpartitions are read by consumer threads.
 */
public final class ResultPartition {
    private final ResultPartitionID id;
    private final ResultSubpartition[] subpartitions;
    private final LocalBufferPool bufferPool;
    private final AtomicInteger open;
    private final Runnable onRelease;

    public ResultPartition(ResultPartitionID id, int numberOfSubpartitions, LocalBufferPool bufferPool,
            Runnable onRelease) {
        this.id = id;
        this.subpartitions = new ResultSubpartition[numberOfSubpartitions];
        for (int i = 0; i < numberOfSubpartitions; i++) {
            subpartitions[i] = new ResultSubpartition(this, i);
        }
        this.bufferPool = bufferPool;
        this.open = new AtomicInteger(numberOfSubpartitions);
        this.onRelease = onRelease;
    }

    public ResultPartitionID id() {
        return id;
    }

    public int numberOfSubpartitions() {
        return subpartitions.length;
    }

    public ResultSubpartition subpartition(int index) {
        return subpartitions[index];
    }

    /** A buffer to fill; waits under backpressure. */
    public Buffer requestBuffer() throws InterruptedException {
        return bufferPool.requestBufferBlocking();
    }

    public void add(int subpartition, Buffer buffer) {
        subpartitions[subpartition].add(buffer);
    }

    /** Time the producer waited for buffers of this partition (backpressure), in nanoseconds. */
    public long backPressuredNanos() {
        return bufferPool.backPressuredNanos();
    }

    /**
     * Queues {@code event} on every subpartition, after what they hold (the caller flushed its partly filled
     * buffers first).
     */
    public void broadcastEvent(RuntimeEvent event) {
        Buffer b = Buffer.event(event);
        for (ResultSubpartition s : subpartitions) {
            s.add(b);
        }
    }

    /** Ends every subpartition. */
    public void finish() {
        broadcastEvent(RuntimeEvent.END_OF_PARTITION);
    }

    /**
     * Completed when the producer can get a buffer without waiting; an incomplete future completes when a
     * consumer recycles one. See {@link LocalBufferPool#availability()}.
     */
    public java.util.concurrent.CompletableFuture<Void> availability() {
        return bufferPool.availability();
    }

    /** A cheap check whether the producer can get a buffer without waiting; see {@link LocalBufferPool}. */
    public boolean isAvailable() {
        return bufferPool.isAvailable();
    }

    /** Drops all queued data and the buffer pool (producer failed or was cancelled). */
    public void release() {
        for (ResultSubpartition s : subpartitions) {
            s.release();
        }
    }

    void onSubpartitionDone() {
        if (open.decrementAndGet() == 0) {
            bufferPool.destroy();
            onRelease.run();
        }
    }
}
