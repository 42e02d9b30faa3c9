package io.weft.benchmarks;

import io.weft.api.JobExecutionResult;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one word-count workload of shared/bench on the embedded engine and prints the peer harness's line:
 * {@code workload=… engine=weft records=… seconds=… records_per_s=… … digest=… ok=true|false}.
 *
 * <p>{@code seconds} is the time around {@code execute()}, which includes starting and stopping the embedded
 * cluster — as for Flink's MiniCluster. Verification (records = distinct words, sum of counts = words, from the
 * input's {@code .meta}) is not timed. Usage: {@code WeftBench <workload> input=PATH out=DIR [parallelism=2]}.
 */
public final class WeftBench {
    private WeftBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: WeftBench <batch-wordcount|stream-wordcount> input=PATH"
                    + " out=DIR [parallelism=N]");
        }
        String workload = args[0];
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got '" + args[i] + "'");
            }
            opts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        String input = required(opts, "input");
        Path out = Path.of(required(opts, "out"));
        int parallelism = Integer.parseInt(opts.getOrDefault("parallelism", "2"));
        Map<String, Long> meta = readMeta(Path.of(input + ".meta"));
        deleteRecursively(out);

        Configuration conf = new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        WordCountJobs.define(env, workload, input, out.toString());
        long t0 = System.nanoTime();
        JobExecutionResult result = env.execute(workload);
        double seconds = (System.nanoTime() - t0) / 1e9;

        OutputDigest d = OutputDigest.of(out);
        long words = meta.getOrDefault("words", -1L);
        long distinct = meta.getOrDefault("distinct", -1L);
        boolean ok = d.sumOfLastField() == words && d.records() == distinct;
        System.out.printf("workload=%s engine=weft records=%d seconds=%.3f records_per_s=%.1f job_net_s=%.3f"
                        + " parallelism=%d out_records=%d out_sum=%d digest=%s ok=%s%n", workload, words, seconds,
                words / seconds, result.getNetRuntime() / 1e3, parallelism, d.records(), d.sumOfLastField(),
                d.digestHex(), ok);
        System.exit(ok ? 0 : 1);
    }

    private static String required(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key + "=...");
        }
        return v;
    }

    /** The generator's {@code key=value} facts about the input (lines, words, bytes, distinct). */
    static Map<String, Long> readMeta(Path meta) throws IOException {
        Map<String, Long> m = new HashMap<>();
        if (!Files.exists(meta)) {
            return m;
        }
        for (String line : Files.readAllLines(meta)) {
            for (String token : line.trim().split("\\s+")) {
                int eq = token.indexOf('=');
                if (eq > 0) {
                    try {
                        m.put(token.substring(0, eq), Long.parseLong(token.substring(eq + 1)));
                    } catch (NumberFormatException e) {
                        // not a numeric fact (the sha256)
                    }
                }
            }
        }
        return m;
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
