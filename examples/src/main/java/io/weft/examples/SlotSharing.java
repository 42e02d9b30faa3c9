package io.weft.examples;

import io.weft.api.connector.DiscardingSink;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.connectors.generator.GeneratorSource;
import io.weft.types.Types;

/**
 * A pipeline that shows slot sharing: Source and Map at parallelism 4 (chained), then a keyed Reduce at
 * parallelism 3, so the job needs 4 slots — as many as its widest operator — rather than one per subtask.
 *
 * <pre>
 * SlotSharing [--records N]
 * </pre>
 *
 * <p>Without {@code --records} the source is unbounded, at a modest {@value #UNBOUNDED_RATE} records a second,
 * and the job runs until cancelled; with it, the source generates N records and the job finishes. The results
 * are discarded: the job exists to exercise scheduling and the network, not to produce output.
 */
public final class SlotSharing {
    static final String USAGE = "Usage: SlotSharing [--records N]";
    static final double UNBOUNDED_RATE = 1000;
    private static final int KEYS = 16;

    private SlotSharing() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs arguments = ExampleArgs.parse(args, USAGE, "--records");
        Long records = arguments.has("--records") ? arguments.longAtLeast("--records", 0) : null;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        buildPipeline(env, records);
        env.execute("SlotSharing");
    }

    /** Defines the pipeline on {@code env}; {@code records} null means unbounded. */
    static void buildPipeline(StreamExecutionEnvironment env, Long records) {
        GeneratorSource<Long> source = records == null
                ? GeneratorSource.<Long>unbounded(i -> i).withRatePerSecond(UNBOUNDED_RATE)
                : GeneratorSource.bounded(records, i -> i);
        env.fromSource(source, "Source")
                .returns(Types.LONG)
                .setParallelism(4)
                .map(v -> v * 2)
                .returns(Types.LONG)
                .name("Map")
                .setParallelism(4)
                .keyBy(v -> v % KEYS)
                .reduce(Long::sum)
                .name("Reduce")
                .setParallelism(3)
                .sinkTo(new DiscardingSink<>())
                .name("Sink")
                .setParallelism(3);
    }
}
