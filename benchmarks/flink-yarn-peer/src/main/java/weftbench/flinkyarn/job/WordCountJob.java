package weftbench.flinkyarn.job;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

import java.util.Locale;

/**
 * The tiny job of the peer benchmark, the same work as Weft's example word count: read a text file, split on
 * anything but letters and digits, count per lower-cased word, write "word count" lines. Bounded, BATCH execution, parallelism 1.
 *
 * <pre>WordCountJob --input hdfs:///bench/in.txt --output hdfs:///bench/flink-out-1</pre>
 */
public final class WordCountJob {

    private WordCountJob() {}

    public static void main(String[] args) throws Exception {
        String input = null;
        String output = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--input" -> input = args[i + 1];
                case "--output" -> output = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (input == null || output == null) {
            throw new IllegalArgumentException("Usage: WordCountJob --input PATH --output DIR");
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);

        FileSource<String> source =
                FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(input)).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "lines")
                .flatMap(WordCountJob::tokenize)
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .map(t -> t.f0 + " " + t.f1)
                .returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>()).build())
                .name("counts");
        env.execute("flink-yarn-peer wordcount");
    }

    private static void tokenize(String line, Collector<Tuple2<String, Long>> out) {
        for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (!word.isEmpty()) {
                out.collect(Tuple2.of(word, 1L));
            }
        }
    }
}
