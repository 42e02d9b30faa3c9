package io.weft.client.local;

import io.weft.api.connector.Boundedness;
import io.weft.api.connector.InputStatus;
import io.weft.api.connector.ReaderOutput;
import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkContext;
import io.weft.api.connector.SinkWriter;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import io.weft.api.connector.SourceReaderContext;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.config.Configuration;
import io.weft.config.MemorySize;
import io.weft.config.TaskManagerOptions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job for the backpressure test, run in its own small-heap JVM: a fast source of 1 KB records feeds a slow
 * sink over the network; prints the largest number of records ever produced but not yet consumed.
 */
public final class BackpressureJob {
    static final AtomicLong PRODUCED = new AtomicLong();
    static final AtomicLong CONSUMED = new AtomicLong();
    static final AtomicLong MAX_IN_FLIGHT = new AtomicLong();

    private BackpressureJob() {
    }

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        Configuration conf = new Configuration().set(TaskManagerOptions.NETWORK_MEMORY, MemorySize.parse("2mb"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.fromSource(new FastSource(records), "Fast source").setParallelism(1)
                .rebalance()
                .sinkTo(new SlowSink()).setParallelism(1);
        env.execute("backpressure");
        System.out.println("consumed=" + CONSUMED.get() + " maxInFlight=" + MAX_IN_FLIGHT.get()
                + " heapUsedMb=" + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576);
    }

    /** Emits {@code count} records of 1 KB as fast as the network takes them. */
    static final class FastSource implements Source<String> {
        private final long count;

        FastSource(long count) {
            this.count = count;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SourceReader<String> createReader(SourceReaderContext context) {
            String payload = "x".repeat(1024);
            return new SourceReader<>() {
                private long emitted;

                @Override
                public InputStatus pollNext(ReaderOutput<String> output) {
                    output.collect(payload);
                    emitted++;
                    long inFlight = PRODUCED.incrementAndGet() - CONSUMED.get();
                    MAX_IN_FLIGHT.accumulateAndGet(inFlight, Math::max);
                    return emitted < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
                }
            };
        }
    }

    /** Consumes about 20,000 records a second. */
    static final class SlowSink implements Sink<String> {
        @Override
        public SinkWriter<String> createWriter(SinkContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(String record) throws InterruptedException {
                    if (CONSUMED.incrementAndGet() % 20 == 0) {
                        Thread.sleep(1);
                    }
                }

                @Override
                public void finish() {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
