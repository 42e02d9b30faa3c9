package io.weft.runtime.network.netty;

import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.network.Buffer;
import io.weft.runtime.network.RuntimeEvent;
import io.weft.runtime.network.BufferAvailabilityListener;
import io.weft.runtime.network.ReceiveBuffers;
import io.weft.runtime.network.SubpartitionView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subpartition of a producer on another TaskManager, as its consumer's input channel reads it: the buffers
 * received for it over the shared {@link DataConnection}, in order, each in one of the channel's
 * {@link ReceiveBuffers}. Each free receive buffer is a credit; a buffer the consumer has read and recycled becomes
 * credit again, announced to the producer's TaskManager in batches.
 *
 * <h2>Threads</h2>
 * The network side ({@link #onData}, {@link #onEndOfPartition}, {@link #fail}, the request bookkeeping) runs on the
 * connection's event loop and never blocks; the consumer side ({@link #poll}, {@link #isEmpty},
 * {@link #setListener}, {@link #release}, recycling) on the consumer's task thread. The queue between them is
 * guarded by this object's lock; the listener is told outside it.
 *
 * <p>A failure (connection lost, partition not found) is reported by the next {@link #poll}, before any data
 * still queued, so the consumer fails at once.
 */
final class RemoteSubpartitionView implements SubpartitionView {
    final long receiverId;
    final ResultPartitionID partitionId;
    final int subpartitionIndex;
    final String consumer;
    private final DataConnection connection;
    private final ReceiveBuffers buffers;
    private final AtomicInteger unannouncedCredit = new AtomicInteger();

    // guarded by this
    private final ArrayDeque<Buffer> received = new ArrayDeque<>();
    private BufferAvailabilityListener listener;
    private RemoteTransportException failure;
    private boolean released;

    // event-loop confined
    private int expectedSequence;
    private int requestAttempts;
    private long firstRequestNanos;

    RemoteSubpartitionView(DataConnection connection, long receiverId, ResultPartitionID partitionId,
            int subpartitionIndex, ReceiveBuffers buffers, String consumer) {
        this.connection = connection;
        this.receiverId = receiverId;
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
        this.buffers = buffers;
        this.consumer = consumer;
        buffers.setCreditListener(this::bufferFreed);
    }

    // ---- consumer side (task thread) ----

    @Override
    public Buffer poll() {
        Buffer b;
        synchronized (this) {
            if (failure != null) {
                throw failure.rethrown();
            }
            b = received.poll();
        }
        if (b != null && b.isEndOfPartition()) {
            buffers.destroy();
        }
        return b;
    }

    @Override
    public synchronized boolean isEmpty() {
        return failure == null && received.isEmpty();
    }

    @Override
    public void setListener(BufferAvailabilityListener l) {
        boolean notify;
        synchronized (this) {
            if (listener != null) {
                throw new IllegalStateException("The view of " + this + " already has a consumer");
            }
            listener = l;
            notify = failure != null || !received.isEmpty();
        }
        if (notify) {
            l.notifyDataAvailable();
        }
    }

    @Override
    public void release() {
        List<Buffer> dropped;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            dropped = new ArrayList<>(received);
            received.clear();
        }
        dropped.forEach(Buffer::recycle);
        buffers.destroy();
        connection.cancel(this);
    }

    /** A receive buffer was recycled and is free again: its credit goes back to the producer (batched). */
    private void bufferFreed() {
        if (unannouncedCredit.getAndIncrement() == 0) {
            connection.announceCredit(this);
        }
    }

    // ---- network side (event loop) ----

    /** Credit freed since the last announcement, now announced. */
    int takeUnannouncedCredit() {
        return unannouncedCredit.getAndSet(0);
    }

    /** The credit of a (re)sent request: every free receive buffer; nothing is in flight then. */
    int initialCredit() {
        unannouncedCredit.set(0);
        return buffers.free();
    }

    /** Counts a request for this channel's subpartition (the first one starts the clock of the retries). */
    void countRequest() {
        if (requestAttempts++ == 0) {
            firstRequestNanos = System.nanoTime();
        }
    }

    int requestAttempts() {
        return requestAttempts;
    }

    long firstRequestNanos() {
        return firstRequestNanos;
    }

    /** Checks that buffers arrive in the order sent; false (a broken connection) when one went missing. */
    boolean checkSequence(int sequence) {
        return sequence == expectedSequence++;
    }

    /**
     * A receive buffer to copy {@code size} arriving bytes into, or null when the consumer has released this view
     * (the bytes are dropped: its cancellation is on its way to the server).
     *
     * @throws IllegalStateException when the producer sent more than the credit granted or a buffer larger than a
     *     segment: the TaskManagers disagree on the protocol or on {@code taskmanager.memory.segment-size}
     */
    Buffer receiveBuffer(int size) {
        Buffer b = buffers.tryTake();
        if (b == null) {
            synchronized (this) {
                if (released) {
                    return null;
                }
            }
            throw new IllegalStateException("it sent a buffer for " + this + " without credit");
        }
        if (size > b.capacity()) {
            b.recycle();
            throw new IllegalStateException("it sent a buffer of " + size + " bytes for " + this + ", larger than a"
                    + " segment (" + b.capacity() + " bytes): taskmanager.memory.segment-size must be the same on"
                    + " every TaskManager");
        }
        return b;
    }

    /**
     * A filled data buffer arrived; {@code backlog} more are queued at the producer.
     *
     * @return extra credit borrowed from the gate's floating buffers because of the backlog, to announce now
     */
    int onData(Buffer b, int backlog) {
        enqueue(b);
        int wanted = backlog - buffers.free();
        return wanted > 0 ? buffers.borrowFloating(wanted) : 0;
    }

    void onEndOfPartition() {
        enqueue(Buffer.endOfPartition());
    }

    /** An event other than the end of the partition arrived: queued in order, holding no receive memory. */
    void onEvent(RuntimeEvent event) {
        enqueue(Buffer.event(event));
    }

    private void enqueue(Buffer b) {
        BufferAvailabilityListener notify = null;
        boolean drop;
        synchronized (this) {
            drop = released;
            if (!drop) {
                received.add(b);
                if (received.size() == 1) {
                    notify = listener;
                }
            }
        }
        if (drop) {
            b.recycle();
        } else if (notify != null) {
            notify.notifyDataAvailable();
        }
    }

    /** Nothing more will arrive: the consumer's next poll throws {@code cause}. First failure wins. */
    void fail(RemoteTransportException cause) {
        BufferAvailabilityListener notify;
        synchronized (this) {
            if (failure != null || released) {
                return;
            }
            failure = cause;
            notify = listener;
        }
        if (notify != null) {
            notify.notifyDataAvailable();
        }
    }

    @Override
    public String toString() {
        return "subpartition " + subpartitionIndex + " of partition " + partitionId + " read by " + consumer;
    }
}
