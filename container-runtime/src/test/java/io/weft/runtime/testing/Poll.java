package io.weft.runtime.testing;

import java.util.function.BooleanSupplier;

/** Bounded busy polling for conditions another thread makes true ("eventually"); never sleeps. */
public final class Poll {
    private Poll() {
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@link BackgroundCall#BOUND}. */
    public static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + BackgroundCall.BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + BackgroundCall.BOUND + ": " + what);
            }
            Thread.onSpinWait();
        }
    }
}
