package io.weft.benchmarks;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.datastream.DataStream;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.api.functions.Collector;
import io.weft.api.tuple.Tuple2;
import io.weft.connectors.file.TextFileSink;
import io.weft.connectors.file.TextFileSource;
import io.weft.examples.FinalCountFunction;
import io.weft.types.Types;

/**
 * The word-count workloads of shared/bench/WORKLOADS.md written against Weft's API: lines split on the single
 * character ' ' (empty tokens dropped), counted per word, written as {@code word\tcount}.
 *
 * <p>batch-wordcount: BATCH mode, keyed sum. stream-wordcount: STREAMING mode, the count in keyed
 * {@code ValueState<Long>}, each word's final count emitted once from an event-time timer at
 * {@code Long.MAX_VALUE}, which fires when the bounded input ends ({@link FinalCountFunction} of the examples) —
 * the same computation as the Flink job.
 */
final class WordCountJobs {
    private WordCountJobs() {
    }

    static void define(StreamExecutionEnvironment env, String workload, String input, String output) {
        DataStream<Tuple2<String, Long>> words = env.fromSource(TextFileSource.forPath(input), "Text Source")
                .flatMap(WordCountJobs::tokenize).returns(Types.TUPLE(Types.STRING, Types.LONG)).name("Tokenize");
        DataStream<Tuple2<String, Long>> counts;
        switch (workload) {
            case "batch-wordcount" -> {
                env.setRuntimeMode(RuntimeExecutionMode.BATCH);
                counts = words.keyBy(t -> t.f0).sum(1);
            }
            case "stream-wordcount" -> {
                env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
                counts = words.keyBy(t -> t.f0).process(new FinalCountFunction())
                        .returns(Types.TUPLE(Types.STRING, Types.LONG)).name("Count");
            }
            default -> throw new IllegalArgumentException("unknown workload '" + workload
                    + "': use batch-wordcount or stream-wordcount");
        }
        counts.map(t -> t.f0 + "\t" + t.f1).returns(Types.STRING).name("Format")
                .sinkTo(TextFileSink.forPath(output)).name("File Sink");
    }

    /** Splits on ' ' and drops empty tokens, as the workload defines. */
    static void tokenize(String line, Collector<Tuple2<String, Long>> out) {
        int start = 0;
        int n = line.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || line.charAt(i) == ' ') {
                if (i > start) {
                    out.collect(new Tuple2<>(line.substring(start, i), 1L));
                }
                start = i + 1;
            }
        }
    }
}
