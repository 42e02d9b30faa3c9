package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.client.cluster.JobJars;
import io.weft.dist.jobs.HeapPressure;
import io.weft.runtime.entrypoint.ShutdownDeadline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weft processes that run out of heap, or are told to stop at the heap limit, through the real scripts: a
 * standalone TaskManager driven out of heap exits 52 with its last line at once and its job fails on its loss well
 * before the heartbeat timeout (its restart finding no TaskManager left); a client at the heap limit ends within its bound on SIGTERM.
 */
class OutOfMemoryIT {
    /** Distinct words the small heaps cannot count: 1,000,000 lines of two words each. */
    static final int LINES = 1_000_000;

    @TempDir
    Path dir;

    /** Writes {@value #LINES} lines of two words each, all distinct, to {@code file}. */
    static Path manyDistinctWords(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < LINES; i++) {
                out.write(String.format("w%07d x%07d%n", i, i));
            }
        }
        return file;
    }

    @Test
    void whenATaskManagerRunsOutOfHeap_thenItExits52AtOnceAndTheJobFailsOnItsLoss() throws Exception {
        Path words = manyDistinctWords(dir.resolve("words.txt"));
        try (SharedStandaloneCluster cluster = SharedStandaloneCluster.start(dir.resolve("cluster"), "96m")) {
            ProcessHandle taskManager = ProcessHandle.of(cluster.taskManagerPid()).orElseThrow();
            long started = System.nanoTime();
            DistScripts.Run run = new DistScripts(dir, Map.of("WEFT_CONF_DIR", cluster.confDir().toString()))
                    .run("weft", "run", "-t", "remote", "-m", cluster.restAddress(), examplesJar(),
                            "--input", words.toString(), "--output", dir.resolve("counts").toString());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            assertThat(run.exitCode()).as(() -> run + cluster.logs()).isEqualTo(1);
            // seen through the closed connection, not after the heartbeat timeout; the default restart strategy
            // tries again, and the restart fails fast on a cluster left with no TaskManager, naming both
            assertThat(run.out()).as(() -> run + cluster.logs()).contains("FAILED").contains("was lost")
                    .contains("connection to TaskManager").contains("closed by the remote side")
                    .contains("could not restart after its failure").contains("0 in all");
            assertThat(seconds).as(() -> run + cluster.logs()).isLessThan(60);
            assertThat(taskManager.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            List<String> out = Files.readAllLines(taskManagerOut(cluster));
            assertThat(out).as(cluster::logs).last().asString().isEqualTo("Weft TaskManager ran out of heap memory"
                    + " (OutOfMemoryError: Java heap space); exiting with code 52. Give it more memory:"
                    + " taskmanager.memory.process.size");
        }
    }

    @Test
    void whenTheClientIsAtItsHeapLimit_thenSigtermEndsItWithinTheBound() throws Exception {
        Path classes = Path.of(HeapPressure.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = JobJars.pack(List.of(classes), null, dir.resolve("pressure.jar"),
                name -> name.startsWith("io/weft/dist/jobs/"));
        Files.writeString(Files.createDirectories(dir.resolve("conf")).resolve("weft-conf.yaml"), "# defaults\n");
        DistScripts.Background client = new DistScripts(dir, Map.of("JVM_ARGS", "-Xmx64m -XX:+UseSerialGC",
                "WEFT_CONF_DIR", dir.resolve("conf").toString()))
                .start("weft", "run", "-c", HeapPressure.class.getName(), jar.toString());
        try {
            awaitLine(client.out(), "at the heap limit", Duration.ofSeconds(60));
            long signalled = System.nanoTime();
            client.process().destroy(); // SIGTERM: bin/weft execs the JVM, so this is the client's pid
            boolean ended = client.process().waitFor(10, TimeUnit.SECONDS);
            assertThat(ended).as("ended within 10 s of SIGTERM; stderr: %s", Files.readString(client.err())).isTrue();
            assertThat(System.nanoTime() - signalled).isLessThan(ShutdownDeadline.BOUND.toNanos() + 2_000_000_000L);
            assertThat(client.process().exitValue()).isEqualTo(143);
        } finally {
            client.process().destroyForcibly();
        }
    }

    private static void awaitLine(Path file, String line, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!Files.readAllLines(file).contains(line)) {
            assertThat(System.nanoTime()).as("'%s' in %s within %s", line, file, bound).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Path taskManagerOut(SharedStandaloneCluster cluster) throws IOException {
        try (Stream<Path> files = Files.list(cluster.logDir())) {
            return files.filter(f -> f.getFileName().toString().matches(".*taskmanager.*\\.out")).findFirst()
                    .orElseThrow(() -> new AssertionError("no taskmanager .out file" + cluster.logs()));
        }
    }

    private static String examplesJar() {
        return Path.of(System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY),
                "examples/weft-examples.jar").toString();
    }
}
