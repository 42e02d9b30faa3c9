package io.weft.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.client.cluster.JobJars;
import io.weft.client.cluster.LocalProcessCluster;
import io.weft.examples.WordCount;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs on a cluster of real processes — a JobManager JVM and TaskManager JVMs exchanging data over the network —
 * including TaskManagers killed with SIGKILL mid-job. The job's classes are not on the processes' class path:
 * TaskManagers fetch the jar from the JobManager's blob store.
 */
class DistributedClusterTest {
    private static final List<String> RESTARTS = List.of("restart-strategy.type: fixed-delay",
            "restart-strategy.fixed-delay.attempts: 5", "restart-strategy.fixed-delay.delay: 500 ms",
            "slot.request.timeout: 90 s");
    @TempDir
    static Path shared;
    private static Path jar;
    private static List<Path> jobClasses;
    @TempDir
    Path dir;
    private LocalProcessCluster cluster;

    @BeforeAll
    static void packJobs() throws IOException, URISyntaxException {
        Path main = Path.of(WordCount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path test = Path.of(PacedCount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        jobClasses = List.of(main, test);
        jar = shared.resolve("jobs.jar");
        JobJars.pack(jobClasses, WordCount.class.getName(), jar,
                name -> name.startsWith("io/weft/examples/") && name.endsWith(".class"));
    }

    @AfterEach
    void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    private LocalProcessCluster cluster(List<String> config) throws IOException {
        cluster = new LocalProcessCluster(dir, config, jobClasses);
        cluster.startJobManager();
        return cluster;
    }

    @Test
    void wordCountAcrossTwoTaskManagerProcessesAtParallelismFourIsExact() throws Exception {
        LocalProcessCluster c = cluster(List.of());
        c.startTaskManager(2);
        c.startTaskManager(2);
        c.awaitTaskManagers(2);
        Path input = dir.resolve("words.txt");
        Map<String, Long> expected = writeWords(input, 20_000);
        Path output = dir.resolve("out");
        String job = c.rest().submitJar(jar, WordCount.class.getName(), List.of("--input", input.toString(),
                "--output", output.toString()), 4);
        assertThat(awaitEnd(job)).as(c.logs()).isEqualTo("FINISHED");
        assertThat(readCounts(output)).isEqualTo(expected);
        long networkBytes = 0;
        for (var v : c.rest().jobDetails(job).path("vertices")) {
            networkBytes += v.path("metrics").path("write-bytes").asLong();
        }
        assertThat(networkBytes).as("bytes written to the network").isPositive();
        // the job's jar is released everywhere once it ended: the JobManager's blob and each TaskManager's copy
        c.waitUntil("job jars deleted", () -> jarsUnder(dir.resolve("blobs")).isEmpty());
    }

    @Test
    void aHungTaskManagerIsLostAfterTheHeartbeatTimeoutAndRegistersAgainWhenItResumes() throws Exception {
        LocalProcessCluster c = cluster(List.of("heartbeat.interval: 500 ms", "heartbeat.timeout: 3 s"));
        Process hung = c.startTaskManager(1);
        c.startTaskManager(1);
        c.awaitTaskManagers(2);
        signal("STOP", hung);
        try {
            long start = System.nanoTime();
            c.awaitTaskManagers(1);
            assertThat((System.nanoTime() - start) / 1e9).as("seconds until the hung TaskManager is lost")
                    .isLessThan(10);
        } finally {
            signal("CONT", hung);
        }
        // resumed, it hears that the JobManager no longer knows it, gives up its slots and registers again
        c.awaitTaskManagers(2);
    }

    @Test
    void taskManagersWhoseJobManagerIsKilledStopWithinTheRegistrationTimeout() throws Exception {
        LocalProcessCluster c = cluster(List.of("taskmanager.registration.timeout: 4 s"));
        Process tm = c.startTaskManager(1);
        c.awaitTaskManagers(1);
        c.kill(c.jobManager());
        assertThat(tm.waitFor(30, TimeUnit.SECONDS)).as("TaskManager still running 30 s after its JobManager died")
                .isTrue();
        assertThat(tm.exitValue()).isEqualTo(70);
    }

    private static void signal(String signal, Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private static List<Path> jarsUnder(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyTaskManagerKilledMidJobThenNewOnesStartedRestartsTheJobWithExactOutput() throws Exception {
        LocalProcessCluster c = cluster(RESTARTS);
        List<Process> first = List.of(c.startTaskManager(2), c.startTaskManager(2));
        c.awaitTaskManagers(2);
        Path output = dir.resolve("paced");
        long records = 12_000;
        String job = c.rest().submitJar(jar, PacedCount.class.getName(), List.of(String.valueOf(records), "3000",
                output.toString(), "3"), null);
        awaitAllSubtasksRunning(job);
        Thread.sleep(1000);
        for (Process p : first) {
            c.kill(p);
        }
        c.waitUntil("the job to notice the loss", () -> !"RUNNING".equals(status(job))
                || c.registeredTaskManagers() == 0);
        c.startTaskManager(2);
        c.startTaskManager(2);
        assertThat(awaitEnd(job)).as(c.logs()).isEqualTo("FINISHED");
        assertThat(readCounts(output)).isEqualTo(pacedCounts(records));
    }

    @Test
    void oneTaskManagerKilledWhileAnotherHasFreeSlotsRecoversWithoutANewProcess() throws Exception {
        LocalProcessCluster c = cluster(RESTARTS);
        Process holder = c.startTaskManager(2);
        c.awaitTaskManagers(1);
        c.startTaskManager(2);
        c.awaitTaskManagers(2);
        Path output = dir.resolve("paced");
        long records = 9_000;
        String job = c.rest().submitJar(jar, PacedCount.class.getName(), List.of(String.valueOf(records), "3000",
                output.toString(), "2"), null);
        awaitAllSubtasksRunning(job);
        // slots are handed out in registration order: the first TaskManager holds the whole job
        assertThat(c.rest().taskManagers()).extracting(tm -> tm.path("freeSlots").asInt()).containsExactly(0, 2);
        Thread.sleep(500);
        c.kill(holder);
        assertThat(awaitEnd(job)).as(c.logs()).isEqualTo("FINISHED");
        assertThat(readCounts(output)).isEqualTo(pacedCounts(records));
        assertThat(c.registeredTaskManagers()).isEqualTo(1);
    }

    private String status(String job) {
        return cluster.rest().listJobs().stream().filter(e -> e.getKey().equals(job)).map(Map.Entry::getValue)
                .findFirst().orElse("UNKNOWN");
    }

    private String awaitEnd(String job) {
        cluster.waitUntil("job " + job + " to end", () -> List.of("FINISHED", "FAILED", "CANCELED")
                .contains(status(job)));
        return status(job);
    }

    private void awaitAllSubtasksRunning(String job) {
        cluster.waitUntil("every subtask of " + job + " running", () -> {
            var details = cluster.rest().jobDetails(job);
            List<String> states = new ArrayList<>();
            details.path("vertices").forEach(v -> v.path("subtasks").forEach(s -> states.add(s.path("status")
                    .asText())));
            return !states.isEmpty() && states.stream().allMatch("RUNNING"::equals);
        });
    }

    private static Map<String, Long> writeWords(Path file, int lines) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        java.util.Random random = new java.util.Random(7);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                String word = "w" + Integer.toString(random.nextInt(3000), 36);
                counts.merge(word.toLowerCase(Locale.ROOT), 1L, Long::sum);
                line.append(w == 0 ? "" : " ").append(word);
            }
            out.add(line.toString());
        }
        Files.write(file, out);
        return counts;
    }

    private static Map<String, Long> pacedCounts(long records) {
        Map<String, Long> counts = new TreeMap<>();
        for (long i = 0; i < records; i++) {
            counts.merge("k" + (i % PacedCount.KEYS), 1L, Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> readCounts(Path output) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                for (String line : Files.readAllLines(f)) {
                    String[] kv = line.split("\t");
                    Long previous = counts.put(kv[0], Long.parseLong(kv[1]));
                    assertThat(previous).as("key %s written twice", kv[0]).isNull();
                }
            }
        }
        return counts;
    }
}
