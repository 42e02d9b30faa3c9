package io.weft.runtime.testing;

import io.weft.api.connector.Boundedness;
import io.weft.api.connector.InputStatus;
import io.weft.api.connector.ReaderOutput;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import io.weft.api.connector.SourceReaderContext;

/**
 * A source of the numbers 0 … count-1 (subtask i of n emits those equal to i modulo n), or of all numbers without
 * end when count is negative; emits a small batch per poll.
 */
public final class NumberSource implements Source<Long> {
    private final long count;

    public NumberSource(long count) {
        this.count = count;
    }

    /** Numbers until the task is cancelled. */
    public static NumberSource endless() {
        return new NumberSource(-1);
    }

    @Override
    public Boundedness getBoundedness() {
        return count < 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Long> createReader(SourceReaderContext context) {
        int step = context.getParallelism();
        return new SourceReader<>() {
            private long next = context.getSubtaskIndex();

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                for (int i = 0; i < 64; i++) {
                    if (count >= 0 && next >= count) {
                        return InputStatus.END_OF_INPUT;
                    }
                    output.collect(next);
                    next += step;
                }
                return InputStatus.MORE_AVAILABLE;
            }
        };
    }
}
