package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.client.cluster.JobJars;
import io.weft.dist.jobs.SlowWordCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default restart strategy against a real fault: on a standalone cluster of two TaskManager processes, the one
 * running the job is killed with {@code kill -9} mid-run, and the job — which configures no restart strategy —
 * restarts on the other and finishes with exact output.
 */
class TaskManagerKillIT {
    private static final List<String> RESOURCE_IDS = List.of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    private static final Pattern SUBMITTED = Pattern.compile("Job ([0-9a-f]{32}) submitted");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void whenTheTaskManagerRunningTheJobIsKilled_thenTheJobWithNoRestartStrategyStillFinishes() throws Exception {
        List<String> lines = YarnJobsIT.wordLines().subList(0, 40);
        Path words = Files.write(dir.resolve("words.txt"), lines);
        Path classes = Path.of(SlowWordCount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = JobJars.pack(List.of(classes), null, dir.resolve("jobs.jar"),
                name -> name.startsWith("io/weft/dist/jobs/"));
        try (SharedStandaloneCluster cluster = SharedStandaloneCluster.startWithTaskManagers(dir.resolve("cluster"),
                RESOURCE_IDS)) {
            assertThat(Files.readString(cluster.confDir().resolve("weft-conf.yaml"))).doesNotContain("restart");
            Path output = dir.resolve("counts");
            DistScripts.Background run = new DistScripts(dir, Map.of("WEFT_CONF_DIR", cluster.confDir().toString()))
                    .start("weft", "run", "-m", cluster.restAddress(), "-c", SlowWordCount.class.getName(),
                            jar.toString(), words.toString(), output.toString(), "250");
            try {
                String jobId = awaitJobId(run);
                String busy = awaitRunningTaskManager(cluster, jobId);
                long pid = cluster.taskManagerPids().get(RESOURCE_IDS.indexOf(busy));
                assertThat(new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor()).isZero();

                assertThat(run.process().waitFor(120, TimeUnit.SECONDS)).as(() -> "the run ended" + cluster.logs())
                        .isTrue();
                String out = Files.readString(run.out());
                assertThat(run.process().exitValue()).as(() -> out + read(run.err()) + cluster.logs())
                        .isZero();
                assertThat(out).contains("Job " + jobId + " FINISHED");
                assertThat(readCounts(output)).isEqualTo(new TreeMap<>(YarnJobsIT.countWords(lines)));
                JsonNode failures = get(cluster, "/jobs/" + jobId + "/exceptions").get("all-exceptions");
                assertThat(failures.toString()).as("the job restarted after the TaskManager's loss")
                        .contains("was lost").contains(busy);
            } finally {
                run.process().destroyForcibly();
            }
        }
    }

    private static String awaitJobId(DistScripts.Background run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SUBMITTED.matcher(Files.readString(run.out()));
            if (m.find()) {
                return m.group(1);
            }
            assertThat(run.process().isAlive()).as(() -> "the run is alive: " + read(run.err()))
                    .isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no 'Job … submitted' within 60 s: " + Files.readString(run.out()));
    }

    /** The resource id of a TaskManager on which a subtask of the job runs. */
    private String awaitRunningTaskManager(SharedStandaloneCluster cluster, String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode vertex : get(cluster, "/jobs/" + jobId).path("vertices")) {
                for (JsonNode subtask : vertex.path("subtasks")) {
                    String tm = subtask.path("taskmanager-id").asText("");
                    if ("RUNNING".equals(subtask.path("status").asText()) && RESOURCE_IDS.contains(tm)) {
                        return tm;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no subtask of job " + jobId + " ran within 60 s" + cluster.logs());
    }

    private JsonNode get(SharedStandaloneCluster cluster, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + cluster.restAddress()
                + path)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Long> readCounts(Path output) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        List<Path> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            files.filter(f -> f.getFileName().toString().startsWith("part-")).forEach(parts::add);
        }
        for (Path part : parts) {
            for (String line : Files.readAllLines(part)) {
                String[] fields = line.split("\t");
                assertThat(counts.put(fields[0], Long.parseLong(fields[1]))).as("%s once", fields[0]).isNull();
            }
        }
        return counts;
    }
}
