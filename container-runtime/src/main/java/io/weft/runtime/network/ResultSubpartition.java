package io.weft.runtime.network;

import java.util.ArrayDeque;

/**
 * The queue of finished buffers from one producer subtask to one consumer subtask; a consumer on the same
 * TaskManager reads it directly as its {@link SubpartitionView}, a remote one through the data server.
 *
 * <p>Thread-safe: the producer adds, the consumer polls, each under this object's lock; the consumer's listener
 * is told (outside the lock) when the queue goes from empty to non-empty.
 */
public final class ResultSubpartition implements SubpartitionView {
    private final ResultPartition parent;
    private final int index;
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private int queuedData;
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
            if (buffer.isData()) {
                queuedData++;
            }
            if (queue.size() == 1) {
                notify = listener;
            }
        }
        if (notify != null) {
            notify.notifyDataAvailable();
        }
    }

    /**
     * Attaches the consumer; it is told at once if data is already queued.
     *
     * @throws IllegalStateException when a consumer is already attached (each subpartition has one consumer)
     */
    @Override
    public void setListener(BufferAvailabilityListener l) {
        boolean hasData;
        synchronized (this) {
            if (listener != null) {
                throw new IllegalStateException("Subpartition " + index + " of partition " + parent.id()
                        + " already has a consumer");
            }
            listener = l;
            hasData = !queue.isEmpty();
        }
        if (hasData) {
            l.notifyDataAvailable();
        }
    }

    /**
     * The next buffer or event, or null when empty. After the consumer took the end-of-partition event the
     * subpartition counts as consumed.
     */
    @Override
    public Buffer poll() {
        Buffer b;
        synchronized (this) {
            b = queue.poll();
            if (b == null) {
                return null;
            }
            if (b.isData()) {
                queuedData--;
            }
            if (!b.isEndOfPartition()) {
                return b;
            }
            consumed = true;
        }
        parent.onSubpartitionDone();
        return b;
    }

    @Override
    public synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Data buffers queued now (the backlog a remote consumer is told about, to grant credit ahead). */
    public synchronized int queuedBuffers() {
        return queuedData;
    }

    /** Whether the next element is an event (which a remote consumer takes without credit). */
    public synchronized boolean nextIsEvent() {
        Buffer next = queue.peek();
        return next != null && !next.isData();
    }

    /** The partition this subpartition belongs to. */
    public ResultPartition partition() {
        return parent;
    }

    /** Drops queued data (consumer gone or producer failed). */
    @Override
    public void release() {
        boolean first;
        synchronized (this) {
            first = !released && !consumed;
            released = true;
            for (Buffer b : queue) {
                b.recycle();
            }
            queue.clear();
            queuedData = 0;
        }
        if (first) {
            parent.onSubpartitionDone();
        }
    }
}
