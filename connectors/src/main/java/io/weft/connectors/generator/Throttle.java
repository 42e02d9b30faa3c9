package io.weft.connectors.generator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Paces one reader to a rate: hands out permits as time passes and, when none is left, gives a future that
 * completes once the next permit is due.
 *
 * <p>The clock starts at the first {@link #acquire}; after t seconds at most {@code 1 + t * rate} permits have
 * been handed out, so a reader that fell behind catches up in batches rather than losing records. All throttles
 * share one daemon timer thread, which only completes futures — no thread per reader. {@link #acquire} and
 * {@link #cancel} are called by the reader's task thread only; the futures are completed by the timer thread.
 */
final class Throttle {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double permitsPerNano;
    private boolean started;
    private long startNanos;
    private long granted;
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> wakeUp;

    /** @param ratePerSecond permits a second, positive */
    Throttle(double ratePerSecond) {
        this.permitsPerNano = ratePerSecond / NANOS_PER_SECOND;
    }

    /**
     * Takes up to {@code max} permits.
     *
     * @return the permits taken; 0 when the caller must wait for {@link #available()}
     */
    int acquire(int max) {
        long now = System.nanoTime();
        if (!started) {
            started = true;
            startNanos = now;
        }
        long due = 1 + (long) ((now - startNanos) * permitsPerNano);
        long permits = Math.min(max, due - granted);
        if (permits > 0) {
            granted += permits;
            return (int) permits;
        }
        long nextDueNanos = startNanos + (long) Math.ceil(granted / permitsPerNano);
        CompletableFuture<Void> future = new CompletableFuture<>();
        available = future;
        wakeUp = Timer.INSTANCE.schedule(() -> future.complete(null), Math.max(1, nextDueNanos - now),
                TimeUnit.NANOSECONDS);
        return 0;
    }

    /** Completes when {@link #acquire} may hand out permits again; already complete unless the last one gave 0. */
    CompletableFuture<Void> available() {
        return available;
    }

    /** Drops a pending wake-up; called when the reader closes. */
    void cancel() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
    }

    /** The single timer thread shared by all throttles, created on first use. */
    private static final class Timer {
        static final ScheduledExecutorService INSTANCE = create();

        private static ScheduledExecutorService create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "weft-generator-throttle");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            return Executors.unconfigurableScheduledExecutorService(executor);
        }
    }
}
