package io.weft.connectors.generator;

import io.weft.api.connector.Boundedness;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import io.weft.api.connector.SourceReaderContext;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A deterministic source that turns record indices into records with a user function, for tests, examples and
 * benchmarks.
 *
 * <p>Bounded: {@code count} records with indices {@code 0 .. count-1}; subtask i of p generates the contiguous
 * range {@code [i*count/p, (i+1)*count/p)}. Unbounded: subtask i generates {@code i, i+p, i+2p, ...} until
 * cancelled. An optional rate (records per second for the whole source) is shared evenly by the subtasks; a
 * reader ahead of its share returns {@code NOTHING_AVAILABLE} and its availability future completes, on a
 * shared timer thread, when it may go on.
 *
 * <h2>Threading</h2>
 * The source is immutable and shared by all subtasks, and so is the generator function, which must therefore be
 * stateless (a pure function of the index). Each reader is used by its subtask's task thread only.
 */
public final class GeneratorSource<T> implements Source<T> {
    /** Marks an unbounded source in {@link #count}. */
    private static final long UNBOUNDED = -1;

    private final long count;
    private final LongFunction<T> generator;
    private final double ratePerSecond;

    private GeneratorSource(long count, LongFunction<T> generator, double ratePerSecond) {
        this.count = count;
        this.generator = Objects.requireNonNull(generator, "generator");
        this.ratePerSecond = ratePerSecond;
    }

    /** A source of the {@code count} records {@code generator(0) .. generator(count - 1)}. */
    public static <T> GeneratorSource<T> bounded(long count, LongFunction<T> generator) {
        if (count < 0) {
            throw new IllegalArgumentException("The record count must not be negative, not " + count);
        }
        return new GeneratorSource<>(count, generator, 0);
    }

    /** A source of {@code generator(0), generator(1), ...} until the job is cancelled. */
    public static <T> GeneratorSource<T> unbounded(LongFunction<T> generator) {
        return new GeneratorSource<>(UNBOUNDED, generator, 0);
    }

    /** A copy of this source that emits at most {@code ratePerSecond} records a second, over all subtasks. */
    public GeneratorSource<T> withRatePerSecond(double ratePerSecond) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("The rate must be a positive number of records per second, not "
                    + ratePerSecond);
        }
        return new GeneratorSource<>(count, generator, ratePerSecond);
    }

    @Override
    public Boundedness getBoundedness() {
        return count == UNBOUNDED ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<T> createReader(SourceReaderContext context) {
        int subtask = context.getSubtaskIndex();
        int parallelism = context.getParallelism();
        Throttle throttle = ratePerSecond > 0 ? new Throttle(ratePerSecond / parallelism) : null;
        if (count == UNBOUNDED) {
            return new GeneratorReader<>(generator, subtask, parallelism, Long.MAX_VALUE, throttle);
        }
        long first = rangeStart(count, subtask, parallelism);
        long end = rangeStart(count, subtask + 1, parallelism);
        return new GeneratorReader<>(generator, first, 1, end - first, throttle);
    }

    /** {@code floor(i * count / p)} without overflow: the first index of subtask i's range. */
    static long rangeStart(long count, int i, int p) {
        return i * (count / p) + i * (count % p) / p;
    }

    @Override
    public String toString() {
        return "GeneratorSource{" + (count == UNBOUNDED ? "unbounded" : count + " records")
                + (ratePerSecond > 0 ? ", " + ratePerSecond + "/s" : "") + "}";
    }
}
