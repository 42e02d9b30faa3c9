package io.weft.examples.cluster;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.api.tuple.Tuple2;
import io.weft.connectors.file.TextFileSink;
import io.weft.connectors.generator.GeneratorSource;
import io.weft.types.Types;

/**
 * A test job that runs long enough to be killed mid-way: {@code records} numbers at {@code rate} a second,
 * counted per key {@code k<i % 37>} and written as {@code key<TAB>count} lines, so the exact output is known.
 *
 * <pre>PacedCount RECORDS RATE OUTPUT_DIR PARALLELISM</pre>
 */
public final class PacedCount {
    /** Number of distinct keys. */
    public static final int KEYS = 37;

    private PacedCount() {
    }

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        double rate = Double.parseDouble(args[1]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(Integer.parseInt(args[3]));
        env.fromSource(GeneratorSource.bounded(records, i -> i).withRatePerSecond(rate), "Paced Source")
                .map(i -> Tuple2.of("k" + (i % KEYS), 1L))
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .map(t -> t.f0 + "\t" + t.f1)
                .returns(Types.STRING)
                .sinkTo(TextFileSink.forPath(args[2]));
        env.execute("PacedCount");
    }
}
