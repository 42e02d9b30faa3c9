package io.weft.examples;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.datastream.KeyedStream;
import io.weft.api.datastream.SingleOutputStreamOperator;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.api.tuple.Tuple2;
import io.weft.connectors.file.TextFileSink;
import io.weft.connectors.file.TextFileSource;
import io.weft.types.Types;
import java.util.List;
import java.util.Locale;

/**
 * Counts the words of a text file or directory and writes one {@code word<TAB>count} line per word into
 * {@code part-*} files of an output directory.
 *
 * <pre>
 * WordCount --input PATH --output DIR [--mode batch|streaming] [--parallelism N]
 * </pre>
 *
 * <p>Input and output may be any Hadoop path. Words are found by {@link Tokenizer}. In batch mode the counts are
 * a keyed sum; in streaming mode {@link FinalCountFunction} keeps them in keyed state and emits each word's
 * total when the input ends, so both modes write the same lines. The program runs on whatever target the
 * execution environment was set up for ({@code weft run -t ...}, or the embedded cluster).
 */
public final class WordCount {
    static final String USAGE =
            "Usage: WordCount --input PATH --output DIR [--mode batch|streaming] [--parallelism N]";

    private WordCount() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs arguments = ExampleArgs.parse(args, USAGE, "--input", "--output", "--mode", "--parallelism");
        String input = arguments.required("--input");
        String output = arguments.required("--output");
        String modeName = arguments.choice("--mode", "batch", List.of("batch", "streaming"));
        RuntimeExecutionMode mode = RuntimeExecutionMode.valueOf(modeName.toUpperCase(Locale.ROOT));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(mode);
        if (arguments.has("--parallelism")) {
            env.setParallelism((int) arguments.longAtLeast("--parallelism", 1));
        }
        buildPipeline(env, input, output, mode);
        env.execute("WordCount");
    }

    /** Defines the WordCount pipeline on {@code env}: text source, tokenize, count per word, text sink. */
    static void buildPipeline(StreamExecutionEnvironment env, String input, String output,
            RuntimeExecutionMode mode) {
        KeyedStream<Tuple2<String, Long>, String> words = env
                .fromSource(TextFileSource.forPath(input), "Text Source")
                .flatMap(new Tokenizer())
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .name("Tokenize")
                .keyBy(t -> t.f0);
        SingleOutputStreamOperator<Tuple2<String, Long>> counts = mode == RuntimeExecutionMode.STREAMING
                ? words.process(new FinalCountFunction()).returns(Types.TUPLE(Types.STRING, Types.LONG))
                : words.sum(1);
        counts.name("Count")
                .map(t -> t.f0 + "\t" + t.f1)
                .returns(Types.STRING)
                .name("Format")
                .sinkTo(TextFileSink.forPath(output))
                .name("Text Sink");
    }
}
