package io.weft.client.local;

import io.weft.api.connector.Boundedness;
import io.weft.api.connector.InputStatus;
import io.weft.api.connector.ReaderOutput;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import io.weft.api.connector.SourceReaderContext;

/** Sources for engine tests: numbered records, bounded or not. */
final class TestSources {
    private TestSources() {
    }

    /** As {@link #longs}, pausing a millisecond after every 100 records (a job that runs for a while). */
    static Source<Long> slowLongs(long count) {
        Source<Long> fast = longs(count);
        return new Source<>() {
            @Override
            public Boundedness getBoundedness() {
                return Boundedness.BOUNDED;
            }

            @Override
            public SourceReader<Long> createReader(SourceReaderContext context) throws Exception {
                SourceReader<Long> reader = fast.createReader(context);
                return output -> {
                    Thread.sleep(1);
                    return reader.pollNext(output);
                };
            }
        };
    }

    /** Subtask i of p emits the longs i, i+p, i+2p, ... below {@code count} (Long.MAX_VALUE: unbounded). */
    static Source<Long> longs(long count) {
        return new Source<>() {
            @Override
            public Boundedness getBoundedness() {
                return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
            }

            @Override
            public SourceReader<Long> createReader(SourceReaderContext context) {
                return new SourceReader<>() {
                    private long next = context.getSubtaskIndex();

                    @Override
                    public InputStatus pollNext(ReaderOutput<Long> output) {
                        for (int i = 0; i < 100 && next < count; i++) {
                            output.collect(next);
                            next += context.getParallelism();
                        }
                        return next < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
                    }
                };
            }
        };
    }
}
