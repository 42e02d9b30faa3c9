package io.weft.runtime.network;

/**
 * What an {@link InputChannel} reads from: the queue of one producer subpartition as its single consumer sees it —
 * the producer's {@link ResultSubpartition} itself when the producer runs on this TaskManager (no copy, no
 * network), or the buffers received from another TaskManager.
 *
 * <p>{@link #poll()}, {@link #isEmpty()} and {@link #release()} are called by the consumer's task thread;
 * implementations tell the listener from their own threads (producer or network) when data arrives.
 */
public interface SubpartitionView {
    /**
     * The next buffer (data or the end-of-partition event), or null when none is queued now.
     *
     * @throws io.weft.api.TransportException when the data can no longer arrive (a remote producer was lost or the
     *     partition was not found); the message names the partition and the producer's address
     */
    Buffer poll();

    /** Whether nothing is queued now; a failed view is not empty (its next poll throws). */
    boolean isEmpty();

    /**
     * Attaches the consumer, once; it is told at once if data is already queued, and afterwards each time the view
     * goes from empty to non-empty (or fails).
     */
    void setListener(BufferAvailabilityListener listener);

    /** Drops what is queued and stops reading (the consumer is done early: failure or cancellation). */
    void release();
}
