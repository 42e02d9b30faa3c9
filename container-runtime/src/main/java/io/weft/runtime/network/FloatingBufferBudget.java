package io.weft.runtime.network;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many floating receive buffers the remote channels of one input gate may borrow together from the
 * TaskManager's unreserved network memory ({@code taskmanager.network.memory.floating-buffers-per-gate}), on top of
 * each channel's exclusive ones. Channels borrow when the producer announces a backlog, and return a floating
 * buffer as soon as it has been read.
 *
 * <p>Thread-safe (lock-free).
 */
public final class FloatingBufferBudget {
    private final int max;
    private final AtomicInteger used = new AtomicInteger();

    public FloatingBufferBudget(int max) {
        this.max = max;
    }

    /** Takes one unit of the budget; false when it is used up. */
    boolean tryAcquire() {
        while (true) {
            int u = used.get();
            if (u >= max) {
                return false;
            }
            if (used.compareAndSet(u, u + 1)) {
                return true;
            }
        }
    }

    void release() {
        used.decrementAndGet();
    }

    /** Floating buffers borrowed now. */
    public int used() {
        return used.get();
    }
}
