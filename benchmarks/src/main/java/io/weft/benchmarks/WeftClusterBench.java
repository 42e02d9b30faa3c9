package io.weft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.client.cluster.JobJars;
import io.weft.client.cluster.LocalProcessCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one word-count workload on a cluster of processes — a JobManager and {@code taskmanagers} TaskManager JVMs
 * on loopback, the tasks of different TaskManagers exchanging data over the network — and prints the peer
 * harness's line. {@code seconds} runs from the jar's submission to the job's end (the cluster is started before,
 * as a standing cluster would be); {@code cluster_start_s} is reported apart. Network figures come from the job's
 * counters.
 *
 * <p>Usage: {@code WeftClusterBench <workload> input=PATH out=DIR [parallelism=2] [taskmanagers=2]
 * [tm_heap=2g]}.
 */
public final class WeftClusterBench {
    private WeftClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        String workload = args[0];
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            opts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        String input = opts.get("input");
        Path out = Path.of(opts.get("out"));
        int parallelism = Integer.parseInt(opts.getOrDefault("parallelism", "2"));
        int taskManagers = Integer.parseInt(opts.getOrDefault("taskmanagers", "2"));
        String tmHeap = opts.getOrDefault("tm_heap", "2g");
        Map<String, Long> meta = WeftBench.readMeta(Path.of(input + ".meta"));
        WeftBench.deleteRecursively(out);
        Path work = Files.createTempDirectory("weft-cluster-bench-");
        Path classes = Path.of(WordCountProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = JobJars.pack(classes, WordCountProgram.class.getName(), work.resolve("wordcount.jar"));
        int slots = (parallelism + taskManagers - 1) / taskManagers;
        long t0 = System.nanoTime();
        try (LocalProcessCluster cluster = new LocalProcessCluster(work.resolve("cluster"),
                clusterConfig(slots), List.of(classes),
                jvmOptions(tmHeap))) {
            cluster.startJobManager();
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager(slots);
            }
            cluster.awaitTaskManagers(taskManagers);
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            String job = cluster.rest().submitJar(jar, WordCountProgram.class.getName(), List.of(workload, input,
                    out.toString()), parallelism);
            String status = awaitEnd(cluster, job);
            double seconds = (System.nanoTime() - t1) / 1e9;
            JsonNode details = cluster.rest().jobDetails(job);
            long networkBytes = sumMetric(details, "write-bytes");
            for (JsonNode v : details.path("vertices")) {
                System.err.println("# vertex=\"" + v.path("name").asText() + "\" metrics=" + v.path("metrics"));
            }
            OutputDigest d = OutputDigest.of(out);
            long words = meta.getOrDefault("words", -1L);
            long distinct = meta.getOrDefault("distinct", -1L);
            boolean ok = "FINISHED".equals(status) && d.sumOfLastField() == words && d.records() == distinct;
            System.out.printf("workload=%s engine=weft-%dtm records=%d seconds=%.3f records_per_s=%.1f"
                    + " job_net_s=%.3f network_mb=%.1f network_mb_per_s=%.1f cluster_start_s=%.3f parallelism=%d"
                    + " out_records=%d out_sum=%d digest=%s ok=%s%n", workload, taskManagers, words, seconds,
                    words / seconds, details.path("duration").asLong() / 1e3, networkBytes / 1e6,
                    networkBytes / 1e6 / seconds, startSeconds, parallelism, d.records(),
                    d.sumOfLastField(), d.digestHex(), ok);
            if (!ok) {
                System.err.println("job " + job + " ended " + status + "\n" + cluster.logs());
            }
            cluster.close();
            WeftBench.deleteRecursively(work);
            System.exit(ok ? 0 : 1);
        }
    }

    /** The cluster's configuration: the slots, and any extra {@code key: value} lines in WEFT_BENCH_CONF ({@code ;}-separated). */
    private static List<String> clusterConfig(int slots) {
        List<String> config = new java.util.ArrayList<>(List.of("taskmanager.numberOfTaskSlots: " + slots));
        String extra = System.getenv("WEFT_BENCH_CONF");
        if (extra != null && !extra.isBlank()) {
            config.addAll(List.of(extra.split(";")));
        }
        return config;
    }

    /** The processes' JVM options: the heap, and any extra ones in WEFT_BENCH_JVM_OPTS (a profiler, say). */
    private static List<String> jvmOptions(String heap) {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx" + heap));
        String extra = System.getenv("WEFT_BENCH_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    private static String awaitEnd(LocalProcessCluster cluster, String job) {
        String[] status = {"UNKNOWN"};
        cluster.waitUntil("job " + job + " to end", () -> {
            status[0] = cluster.rest().listJobs().stream().filter(e -> e.getKey().equals(job))
                    .map(Map.Entry::getValue).findFirst().orElse("UNKNOWN");
            return List.of("FINISHED", "FAILED", "CANCELED").contains(status[0]);
        });
        return status[0];
    }

    private static long sumMetric(JsonNode details, String name) {
        long sum = 0;
        for (JsonNode v : details.path("vertices")) {
            sum += v.path("metrics").path(name).asLong(0);
        }
        return sum;
    }
}
