package io.weft.connectors.generator;

import io.weft.api.connector.InputStatus;
import io.weft.api.connector.ReaderOutput;
import io.weft.api.connector.SourceReader;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Generates one subtask's records of a {@link GeneratorSource}: the indices {@code first, first+step, ...},
 * {@code remaining} of them, at most {@value #MAX_BATCH} per poll, throttled when the source has a rate.
 *
 * <p>Used by one task thread; only the availability future is completed by the shared throttle timer thread.
 */
final class GeneratorReader<T> implements SourceReader<T> {
    static final int MAX_BATCH = 256;

    private final LongFunction<T> generator;
    private final long step;
    private final Throttle throttle;
    private long next;
    private long remaining;

    GeneratorReader(LongFunction<T> generator, long first, long step, long remaining, Throttle throttle) {
        this.generator = generator;
        this.next = first;
        this.step = step;
        this.remaining = remaining;
        this.throttle = throttle;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) {
        if (remaining <= 0) {
            return InputStatus.END_OF_INPUT;
        }
        int batch = (int) Math.min(MAX_BATCH, remaining);
        if (throttle != null) {
            batch = throttle.acquire(batch);
            if (batch == 0) {
                return InputStatus.NOTHING_AVAILABLE;
            }
        }
        for (int i = 0; i < batch; i++) {
            output.collect(generator.apply(next));
            next += step;
        }
        remaining -= batch;
        return remaining > 0 ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return throttle == null ? CompletableFuture.completedFuture(null) : throttle.available();
    }

    @Override
    public void close() {
        if (throttle != null) {
            throttle.cancel();
        }
    }
}
