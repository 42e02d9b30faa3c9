package io.weft.runtime.network;

import io.weft.config.Configuration;
import io.weft.config.TaskManagerOptions;
import java.util.ArrayDeque;

/**
 * A TaskManager's budget of network memory: a fixed number of fixed-size segments, allocated lazily and handed
 * to per-partition {@link LocalBufferPool}s. Each local pool reserves a minimum that it can always get; segments
 * beyond reserves ("excess") are shared, and never eat into another pool's reserve.
 *
 * <p>Thread-safe (one lock); never blocks.
 */
public final class NetworkBufferPool {
    private final int segmentSize;
    private final int totalSegments;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private int allocated;
    private int reserved;
    private int excessInUse;

    public NetworkBufferPool(int totalSegments, int segmentSize) {
        if (totalSegments < 1 || segmentSize < 64) {
            throw new IllegalArgumentException("Network memory must hold at least one buffer of at least 64 bytes,"
                    + " got " + totalSegments + " x " + segmentSize + " bytes");
        }
        this.totalSegments = totalSegments;
        this.segmentSize = segmentSize;
    }

    /** A pool of {@code taskmanager.memory.network.max} in segments of {@code taskmanager.memory.segment-size}. */
    public static NetworkBufferPool fromConfiguration(Configuration config) {
        int segment = (int) config.get(TaskManagerOptions.SEGMENT_SIZE).bytes();
        int segments = (int) Math.max(1, config.get(TaskManagerOptions.NETWORK_MEMORY).bytes() / segment);
        return new NetworkBufferPool(segments, segment);
    }

    public int segmentSize() {
        return segmentSize;
    }

    public int totalSegments() {
        return totalSegments;
    }

    /**
     * Reserves {@code count} segments for a new local pool, which it may always take.
     *
     * @throws IllegalStateException naming the shortfall and the option to raise when the budget is exhausted
     */
    synchronized void reserve(int count, String owner) {
        if (reserved + count > totalSegments) {
            throw new IllegalStateException("Insufficient network buffers for " + owner + ": it needs " + count
                    + " but only " + (totalSegments - reserved) + " of " + totalSegments + " are unreserved; raise"
                    + " taskmanager.memory.network.max or lower the parallelism");
        }
        reserved += count;
    }

    synchronized void unreserve(int count) {
        reserved -= count;
    }

    /**
     * A segment of a reserve; null only while a segment of a released reserve is still out (transient).
     */
    synchronized byte[] requestReserved() {
        return take();
    }

    /** A segment beyond the caller's reserve, or null when the unreserved budget is in use. */
    synchronized byte[] tryRequestExcess() {
        if (excessInUse >= totalSegments - reserved) {
            return null;
        }
        byte[] s = take();
        if (s != null) {
            excessInUse++;
        }
        return s;
    }

    /** Whether {@link #tryRequestExcess()} would hand out a segment now. */
    synchronized boolean canGrantExcess() {
        return excessInUse < totalSegments - reserved && (!free.isEmpty() || allocated < totalSegments);
    }

    private byte[] take() {
        byte[] s = free.poll();
        if (s == null && allocated < totalSegments) {
            allocated++;
            s = new byte[segmentSize];
        }
        return s;
    }

    /** Takes a segment back; {@code excess} says whether it was handed out by {@link #tryRequestExcess()}. */
    synchronized void recycle(byte[] segment, boolean excess) {
        if (excess) {
            excessInUse--;
        }
        free.push(segment);
    }

    /** Segments not handed out right now. */
    public synchronized int availableSegments() {
        return free.size() + totalSegments - allocated;
    }
}
