package io.weft.runtime.network;

import java.util.ArrayDeque;

/**
 * The queue of finished buffers from one producer subtask to one consumer subtask.
 *
 * <p>Thread-safe: the producer adds, the consumer polls, each under this object's lock; the consumer's listener
 * is told (outside the lock) when the queue goes from empty to non-empty.
 */
public final class ResultSubpartition {
    private final ResultPartition parent;
    private final int index;
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private BufferAvailabilityListener listener;
    private boolean released;
    private boolean consumed;

    ResultSubpartition(ResultPartition parent, int index) {
        this.parent = parent;
        this.index = index;
    }

    public int index() {
        return index;
    }

    void add(Buffer buffer) {
        BufferAvailabilityListener notify = null;
        synchronized (this) {
            if (released) {
                buffer.recycle();
                return;
            }
            queue.add(buffer);
            if (queue.size() == 1) {
                notify = listener;
            }
        }
        if (notify != null) {
            notify.notifyDataAvailable();
        }
    }

    /** Attaches the consumer; it is told at once if data is already queued. */
    public void setListener(BufferAvailabilityListener l) {
        boolean hasData;
        synchronized (this) {
            listener = l;
            hasData = !queue.isEmpty();
        }
        if (hasData) {
            l.notifyDataAvailable();
        }
    }

    /**
     * The next buffer, or null when empty. After the consumer took the end-of-partition event the subpartition
     * counts as consumed.
     */
    public Buffer poll() {
        Buffer b;
        synchronized (this) {
            b = queue.poll();
            if (b == null || b.isData()) {
                return b;
            }
            consumed = true;
        }
        parent.onSubpartitionDone();
        return b;
    }

    public synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Drops queued data (consumer gone or producer failed). */
    public void release() {
        boolean first;
        synchronized (this) {
            first = !released && !consumed;
            released = true;
            for (Buffer b : queue) {
                b.recycle();
            }
            queue.clear();
        }
        if (first) {
            parent.onSubpartitionDone();
        }
    }
}
