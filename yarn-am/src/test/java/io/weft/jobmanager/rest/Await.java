package io.weft.jobmanager.rest;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Polls until a condition holds, failing after a bounded wait with the last value seen. */
final class Await {
    private Await() {
    }

    /** Calls {@code probe} every 20 ms until {@code done} accepts its value (at most 30 s); returns that value. */
    static <T> T until(Callable<T> probe, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            T value = probe.call();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after 30 s waiting for " + what + "; last seen: " + value);
            }
            Thread.sleep(20);
        }
    }
}
