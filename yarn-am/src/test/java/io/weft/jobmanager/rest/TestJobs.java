package io.weft.jobmanager.rest;

import io.weft.api.connector.Boundedness;
import io.weft.api.connector.DiscardingSink;
import io.weft.api.connector.InputStatus;
import io.weft.api.connector.ReaderOutput;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import io.weft.api.connector.SourceReaderContext;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.config.Configuration;
import io.weft.graph.JobGraph;
import io.weft.graph.JobGraphGenerator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Jobs for REST tests, built with the DataStream API: running until cancelled, finishing, failing, the seed's. */
final class TestJobs {
    /** The message of the failing job's exception. */
    static final String CURSED = "record 42 is cursed";

    private TestJobs() {
    }

    /** Source → Map → sink at {@code parallelism}, unbounded and nearly idle: it runs until cancelled. */
    static JobGraph running(String name, int parallelism) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        env.fromSource(ticks(), "Ticks").map(x -> x + 1).name("Increment").sinkTo(new DiscardingSink<>());
        return new JobGraphGenerator().generate(env.getStreamGraph(name));
    }

    /** A small bounded job that finishes at once. */
    static JobGraph finishing(String name) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.fromSource(numbers(100), "Numbers").map(x -> x * 2).name("Double").sinkTo(new DiscardingSink<>());
        return new JobGraphGenerator().generate(env.getStreamGraph(name));
    }

    /** A bounded job whose map throws at record 42; without restarts it fails. */
    static JobGraph failing(String name) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.fromSource(numbers(100), "Numbers").map(x -> {
            if (x == 42) {
                throw new IllegalStateException(CURSED);
            }
            return x;
        }).name("Cursed").sinkTo(new DiscardingSink<>());
        return new JobGraphGenerator().generate(env.getStreamGraph(name));
    }

    /** The seed's pipeline: Source → Map at parallelism 4, keyBy, Reduce at 3; unbounded. */
    static JobGraph seed() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.fromSource(ticks(), "Source").setParallelism(4)
                .map(x -> x * 2).name("Map").setParallelism(4)
                .keyBy(x -> x % 10).reduce(Long::sum).name("Reduce").setParallelism(3)
                .sinkTo(new DiscardingSink<>()).setParallelism(3);
        return new JobGraphGenerator().generate(env.getStreamGraph("seed"));
    }

    /** Subtask i of p emits i, i+p, i+2p, ... below {@code count}. */
    static Source<Long> numbers(long count) {
        return new Source<>() {
            @Override
            public Boundedness getBoundedness() {
                return Boundedness.BOUNDED;
            }

            @Override
            public SourceReader<Long> createReader(SourceReaderContext context) {
                return new SourceReader<>() {
                    private long next = context.getSubtaskIndex();

                    @Override
                    public InputStatus pollNext(ReaderOutput<Long> output) {
                        if (next < count) {
                            output.collect(next);
                            next += context.getParallelism();
                        }
                        return next < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** An unbounded source emitting one number every 10 ms per subtask, so that running jobs cost little CPU. */
    static Source<Long> ticks() {
        return new Source<>() {
            @Override
            public Boundedness getBoundedness() {
                return Boundedness.CONTINUOUS_UNBOUNDED;
            }

            @Override
            public SourceReader<Long> createReader(SourceReaderContext context) {
                return new SourceReader<>() {
                    private long next = context.getSubtaskIndex();

                    @Override
                    public InputStatus pollNext(ReaderOutput<Long> output) {
                        output.collect(next);
                        next += context.getParallelism();
                        return InputStatus.NOTHING_AVAILABLE;
                    }

                    @Override
                    public CompletableFuture<Void> isAvailable() {
                        return CompletableFuture.runAsync(() -> { },
                                CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }
}
