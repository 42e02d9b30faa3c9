package io.weft.runtime.network;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The receive memory of one remote input channel: {@code exclusive} segments reserved for it in the TaskManager's
 * {@link NetworkBufferPool}, plus floating segments borrowed from the unreserved rest within its gate's
 * {@link FloatingBufferBudget}. Every free segment is one credit granted to the producer's TaskManager, so the
 * network thread always finds a segment for a buffer that arrives: received data never queues beyond these
 * segments.
 *
 * <p>A recycled segment is kept (and the credit listener told, so the credit can be announced again) while only
 * exclusive segments are held; beyond that it goes back to the TaskManager and the gate's budget. After
 * {@link #destroy()} every segment goes back as it is recycled.
 *
 * <p>Thread-safe (one lock): created and destroyed on the consumer's task thread, {@link #tryTake()} and
 * {@link #borrowFloating} on the network thread, {@link #recycle} on the consumer's task thread.
 */
public final class ReceiveBuffers implements BufferRecycler {
    private static final long RESERVE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final NetworkBufferPool global;
    private final FloatingBufferBudget floating;
    private final int exclusive;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private Runnable creditListener = () -> { };
    private int floatingHeld;
    private boolean destroyed;

    private ReceiveBuffers(NetworkBufferPool global, FloatingBufferBudget floating, int exclusive) {
        this.global = global;
        this.floating = floating;
        this.exclusive = exclusive;
    }

    /**
     * Reserves and takes {@code exclusive} segments.
     *
     * @throws IllegalStateException naming the owner and the option to raise when the TaskManager's network memory
     *     cannot hold them
     */
    public static ReceiveBuffers allocate(NetworkBufferPool global, int exclusive, FloatingBufferBudget floating,
            String owner) {
        global.reserve(exclusive, owner);
        ReceiveBuffers buffers = new ReceiveBuffers(global, floating, exclusive);
        long deadline = System.nanoTime() + RESERVE_WAIT_NANOS;
        while (buffers.free.size() < exclusive) {
            byte[] s = global.requestReserved();
            if (s != null) {
                buffers.free.add(s);
            } else if (System.nanoTime() - deadline > 0) {
                buffers.destroy();
                throw new IllegalStateException("Receive buffers of " + owner + " are reserved but still in use"
                        + " elsewhere after " + TimeUnit.NANOSECONDS.toMillis(RESERVE_WAIT_NANOS) + " ms: raise"
                        + " taskmanager.memory.network.max");
            } else {
                // a segment of a released reserve is still out: it comes back when its reader recycles it
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        return buffers;
    }

    /** Told (on the recycling thread, outside the lock) each time a recycled segment is free for data again. */
    public synchronized void setCreditListener(Runnable listener) {
        this.creditListener = listener;
    }

    /** A free segment as an empty data buffer to fill, or null when none is free. */
    public synchronized Buffer tryTake() {
        byte[] s = destroyed ? null : free.poll();
        return s == null ? null : new Buffer(s, this, Buffer.Kind.DATA);
    }

    /** Free segments now: the credit this channel can grant. */
    public synchronized int free() {
        return free.size();
    }

    /**
     * Borrows up to {@code wanted} floating segments, as far as the gate's budget and the TaskManager's unreserved
     * memory allow; never waits.
     *
     * @return how many were borrowed (the extra credit to announce)
     */
    public synchronized int borrowFloating(int wanted) {
        int got = 0;
        while (!destroyed && got < wanted && floating.tryAcquire()) {
            byte[] s = global.tryRequestExcess();
            if (s == null) {
                floating.release();
                break;
            }
            free.add(s);
            floatingHeld++;
            got++;
        }
        return got;
    }

    @Override
    public void recycle(byte[] segment) {
        Runnable notify = null;
        synchronized (this) {
            if (destroyed || floatingHeld > 0) {
                giveBack(segment);
            } else {
                free.push(segment);
                notify = creditListener;
            }
        }
        if (notify != null) {
            notify.run();
        }
    }

    /** Returns the free segments and the reservation; segments still being read are returned when recycled. */
    public synchronized void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        for (byte[] s : free) {
            giveBack(s);
        }
        free.clear();
        global.unreserve(exclusive);
    }

    private void giveBack(byte[] segment) {
        if (floatingHeld > 0) {
            floatingHeld--;
            floating.release();
            global.recycle(segment, true);
        } else {
            global.recycle(segment, false);
        }
    }
}
