package io.weft.dist.jobs;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.api.functions.Collector;
import io.weft.api.functions.FlatMapFunction;
import io.weft.api.tuple.Tuple2;
import io.weft.connectors.file.TextFileSink;
import io.weft.connectors.file.TextFileSource;
import io.weft.types.Types;

/**
 * A word count that takes its time — {@code SlowWordCount INPUT OUTPUT DELAY_MS}: every line waits
 * {@code DELAY_MS} before its words (split on spaces) are counted — so that tests can break things while it runs.
 * Batch mode at parallelism 2; output {@code word<TAB>count} lines.
 */
public final class SlowWordCount {
    private SlowWordCount() {
    }

    public static void main(String[] args) throws Exception {
        long delay = Long.parseLong(args[2]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);
        env.fromSource(TextFileSource.forPath(args[0]), "Text Source")
                .flatMap(new SlowSplit(delay))
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .map(t -> t.f0 + "\t" + t.f1)
                .returns(Types.STRING)
                .sinkTo(TextFileSink.forPath(args[1]));
        env.execute("SlowWordCount");
    }

    /** Splits a line on spaces after waiting. */
    public static final class SlowSplit implements FlatMapFunction<String, Tuple2<String, Long>> {
        private final long delayMillis;

        public SlowSplit(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) throws Exception {
            Thread.sleep(delayMillis);
            for (String w : line.split(" ")) {
                if (!w.isEmpty()) {
                    out.collect(new Tuple2<>(w, 1L));
                }
            }
        }
    }
}
