package io.weft.runtime.rpc.netty;

import java.time.Duration;

/**
 * The pause before a reconnection attempt: {@code initial} before the first, doubling after each failure, at most
 * {@code max}.
 *
 * <p>Immutable and thread-safe.
 */
record ExponentialBackoff(Duration initial, Duration max) {
    /** The pause before attempt {@code attempt} (1-based) after consecutive failures. */
    Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt + " < 1");
        }
        long delay = initial.toMillis();
        for (int i = 1; i < attempt && delay < max.toMillis(); i++) {
            delay *= 2;
        }
        return Duration.ofMillis(Math.min(delay, max.toMillis()));
    }
}
