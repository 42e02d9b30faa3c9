package io.weft.runtime.network;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The buffers of one result partition: a guaranteed minimum reserved from the {@link NetworkBufferPool} and up
 * to a maximum taken when free. A producer asking for a buffer when the partition already holds its maximum
 * waits until a consumer recycles one — this wait is backpressure.
 *
 * <p>Thread-safe: the producing task requests, consuming tasks recycle.
 */
public final class LocalBufferPool implements BufferRecycler {
    private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);
    private final NetworkBufferPool global;
    private final int reserved;
    private final int max;
    private final String owner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final ArrayDeque<byte[]> cached = new ArrayDeque<>();
    /**
     * {@link #AVAILABLE} while a request would not wait, else the future the next recycle completes; written under
     * {@code lock}, read without it by {@link #isAvailable()} in the producer's hot loop.
     */
    private volatile CompletableFuture<Void> availability = AVAILABLE;
    private int taken;
    private boolean destroyed;
    private long waitedNanos;

    /**
     * @param reserved segments guaranteed to this pool (reserved now)
     * @param max segments this pool may hold at once
     */
    public LocalBufferPool(NetworkBufferPool global, int reserved, int max, String owner) {
        global.reserve(reserved, owner);
        this.global = global;
        this.reserved = reserved;
        this.max = Math.max(reserved, max);
        this.owner = owner;
    }

    /**
     * A buffer, waiting while the pool holds its maximum (or the TaskManager has none free beyond the reserve).
     *
     * @throws InterruptedException when the task is cancelled while waiting
     */
    public Buffer requestBufferBlocking() throws InterruptedException {
        lock.lockInterruptibly();
        // the clock is read only once the producer has to wait, so the fast path stays free of it
        long waitingSince = 0;
        try {
            while (true) {
                if (destroyed) {
                    throw new IllegalStateException("Buffer pool of " + owner + " was released");
                }
                byte[] s = cached.poll();
                if (s == null && taken < reserved) {
                    s = global.requestReserved();
                    if (s == null) {
                        // a released reserve's segment is still out: it comes back shortly
                        waitingSince = waitingSince == 0 ? System.nanoTime() : waitingSince;
                        available.await(10, TimeUnit.MILLISECONDS);
                        continue;
                    }
                    taken++;
                } else if (s == null && taken < max) {
                    s = global.tryRequestExcess();
                    if (s != null) {
                        taken++;
                    }
                }
                if (s != null) {
                    if (cached.isEmpty() && taken >= reserved) {
                        updateAvailability();
                    }
                    return new Buffer(s, this, Buffer.Kind.DATA);
                }
                waitingSince = waitingSince == 0 ? System.nanoTime() : waitingSince;
                available.await(50, TimeUnit.MILLISECONDS);
            }
        } finally {
            if (waitingSince != 0) {
                waitedNanos += System.nanoTime() - waitingSince;
            }
            lock.unlock();
        }
    }

    /**
     * Whether the last request or recycle left a buffer to be had without waiting: a cheap volatile read for the
     * producer's loop. It may say false while another pool of the TaskManager has since freed a segment this one
     * could take beyond its reserve; {@link #availability()} checks afresh.
     */
    public boolean isAvailable() {
        return availability.isDone();
    }

    /**
     * Completed when {@link #requestBufferBlocking()} would not wait (or the pool is destroyed, and it would
     * fail); otherwise a future completed when a consumer recycles a buffer of this pool. A segment freed in
     * another pool of the TaskManager does not complete it, so a producer waiting on it also re-checks after a
     * short timeout.
     */
    public CompletableFuture<Void> availability() {
        lock.lock();
        try {
            updateAvailability();
            return availability;
        } finally {
            lock.unlock();
        }
    }

    /** Under {@code lock}: makes {@link #availability} say whether a request would be served now. */
    private void updateAvailability() {
        boolean now = destroyed || !cached.isEmpty() || taken < reserved || (taken < max && global.canGrantExcess());
        if (now && !availability.isDone()) {
            CompletableFuture<Void> waiting = availability;
            availability = AVAILABLE;
            waiting.complete(null);
        } else if (!now && availability.isDone()) {
            availability = new CompletableFuture<>();
        }
    }

    /** Time the producer spent waiting for a buffer (backpressure), in nanoseconds. */
    public long backPressuredNanos() {
        lock.lock();
        try {
            return waitedNanos;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void recycle(byte[] segment) {
        lock.lock();
        try {
            boolean excess = taken > reserved;
            if (destroyed || excess) {
                // beyond the reserve, segments go back to the TaskManager so other partitions can use them
                taken--;
                global.recycle(segment, excess);
                available.signal();
            } else {
                cached.push(segment);
                available.signal();
            }
            if (!availability.isDone()) {
                updateAvailability();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Returns cached segments and the reservation; buffers still out are returned when recycled. */
    public void destroy() {
        lock.lock();
        try {
            if (destroyed) {
                return;
            }
            destroyed = true;
            for (byte[] s : cached) {
                global.recycle(s, false);
                taken--;
            }
            cached.clear();
            global.unreserve(reserved);
            available.signalAll();
            updateAvailability();
        } finally {
            lock.unlock();
        }
    }

    /** Segments currently taken from the global pool (in use or cached here). */
    public int taken() {
        lock.lock();
        try {
            return taken;
        } finally {
            lock.unlock();
        }
    }
}
