package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.client.cluster.JobJars;
import io.weft.dist.jobs.FailingJob;
import io.weft.dist.jobs.HangingMain;
import io.weft.dist.jobs.SlowWordCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs on YARN end to end, as users run them against the sandbox: {@code bin/weft run -t yarn-per-job} and
 * {@code -t yarn-application} with WordCount from HDFS to HDFS (exact output, application SUCCEEDED, logs through
 * {@code yarn logs}), the same through {@code yarn jar lib/weft-dist.jar run …}, a failing job (FAILED with its cause, exit code 1), {@code yarn application -kill} (KILLED,
 * the attached client exits 1), and a TaskManager container shot with {@code yarn container -signal … 
 * FORCEFUL_SHUTDOWN} mid-job (replaced, restarted, exact output), and an application whose {@code main()} defines
 * no job (killed when the client gives up, nothing left).
 */
@ExtendWith(SandboxExtension.class)
class YarnJobsIT {
    static final Pattern APPLICATION = Pattern.compile("application_\\d+_\\d+");
    static final Pattern JOB = Pattern.compile("Job ([0-9a-f]{32}) submitted");
    private static final int LINES = 400;

    @TempDir
    static Path dir;
    private static DistScripts scripts;
    private static Path jobJar;
    private static Map<String, Long> expectedCounts;

    @BeforeAll
    static void prepare(SandboxExtension.Sandbox sandbox) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.write(conf.resolve("weft-conf.yaml"), List.of("jobmanager.memory.process.size: 768mb",
                "taskmanager.memory.process.size: 900mb", "yarn.properties-file.location: " + dir,
                "heartbeat.timeout: 20 s"));
        Map<String, String> env = new TreeMap<>(sandbox.env());
        env.put("WEFT_CONF_DIR", conf.toString());
        scripts = new DistScripts(dir, env);
        Path words = dir.resolve("words.txt");
        Files.write(words, wordLines());
        expectedCounts = countWords(Files.readAllLines(words));
        check(scripts.run("hdfs", "dfs", "-mkdir", "-p", "/it"));
        check(scripts.run("hdfs", "dfs", "-put", "-f", words.toString(), "/it/words.txt"));
        Path classes = Path.of(SlowWordCount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        jobJar = JobJars.pack(List.of(classes), null, dir.resolve("it-jobs.jar"),
                name -> name.startsWith("io/weft/dist/jobs/"));
    }

    /** {@value #LINES} lines of words from a small vocabulary, deterministic. */
    static List<String> wordLines() {
        String[] vocabulary = {"alder", "birch", "cedar", "elm", "fir", "hazel", "larch", "maple", "oak", "yew"};
        List<String> lines = new ArrayList<>();
        long x = 42;
        for (int i = 0; i < LINES; i++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                line.append(w == 0 ? "" : " ").append(vocabulary[(int) ((x >>> 33) % vocabulary.length)]);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static Map<String, Long> countWords(List<String> lines) {
        return lines.stream().flatMap(l -> List.of(l.split(" ")).stream())
                .collect(Collectors.groupingBy(w -> w, TreeMap::new, Collectors.counting()));
    }

    @Test
    void perJobWordCountFromHdfsToHdfsIsExactAndTheApplicationSucceeds() throws Exception {
        List<String> before = applications();

        DistScripts.Run run = scripts.run("weft", "run", "-t", "yarn-per-job", examplesJar(), "--input",
                "hdfs:///it/words.txt", "--output", "hdfs:///it/out-per-job");

        assertThat(run.exitCode()).as(run::toString).isZero();
        String jobId = jobId(run);
        assertThat(run.out()).contains("Job " + jobId + " FINISHED");
        assertThat(output("/it/out-per-job")).isEqualTo(expectedCounts);
        String app = newApplication(before);
        String status = check(scripts.run("yarn", "application", "-status", app)).out();
        assertThat(status).contains("Final-State : SUCCEEDED");
        assertThat(containerLogs(app)).contains("LogType:jobmanager.log", "LogType:taskmanager.log",
                "LogType:jobmanager.err", "LogType:taskmanager.out");
        assertThat(stagingDirectories()).doesNotContain(app);
    }

    @Test
    void yarnJarRunsPerJobWordCountTheSame() throws Exception {
        DistScripts.Run run = scripts.run("yarn", "jar", scripts.dist().resolve("lib/weft-dist.jar").toString(),
                "run", "-t", "yarn-per-job", examplesJar(), "--input", "hdfs:///it/words.txt", "--output",
                "hdfs:///it/out-yarn-jar");

        assertThat(run.exitCode()).as(run::toString).isZero();
        assertThat(run.out()).contains("Job " + jobId(run) + " FINISHED");
        assertThat(output("/it/out-yarn-jar")).isEqualTo(expectedCounts);
    }

    @Test
    void applicationModeRunsWordCount() throws Exception {
        DistScripts.Run run = scripts.run("weft", "run", "-t", "yarn-application", examplesJar(), "--input",
                "hdfs:///it/words.txt", "--output", "hdfs:///it/out-application", "--mode", "streaming");

        assertThat(run.exitCode()).as(run::toString).isZero();
        assertThat(run.out()).contains("Job " + jobId(run) + " FINISHED");
        assertThat(output("/it/out-application")).isEqualTo(expectedCounts);
    }

    @Test
    void failingJobEndsFailedWithItsCauseAndExitCode1() throws Exception {
        List<String> before = applications();

        DistScripts.Run run = scripts.run("weft", "run", "-t", "yarn-per-job", "-c", FailingJob.class.getName(),
                jobJar.toString());

        assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
        assertThat(run.out()).contains("Job " + jobId(run) + " FAILED").contains(FailingJob.MESSAGE);
        String status = check(scripts.run("yarn", "application", "-status", newApplication(before))).out();
        assertThat(status).contains("Final-State : FAILED").contains(FailingJob.MESSAGE);
    }

    @Test
    void yarnApplicationKillEndsTheJobKilledAndTheAttachedClientExits1() throws Exception {
        List<String> before = applications();
        DistScripts.Background client = scripts.start("weft", "run", "-t", "yarn-per-job", "-c",
                SlowWordCount.class.getName(), jobJar.toString(), "hdfs:///it/words.txt", "hdfs:///it/out-killed",
                "1000");
        String app = awaitRunningApplication(before);
        awaitSubmitted(client);

        check(scripts.run("yarn", "application", "-kill", app));
        DistScripts.Run run = client.await(Duration.ofSeconds(60));

        assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
        assertThat(run.out()).contains("CANCELED");
        assertThat(check(scripts.run("yarn", "application", "-status", app)).out()).contains("State : KILLED");
        assertThat(stagingDirectories()).doesNotContain(app);
    }

    @Test
    void applicationWhoseMainRunsNoJobIsKilledWhenTheClientGivesUp() throws Exception {
        List<String> before = applications();

        DistScripts.Run run = scripts.run("weft", "run", "-t", "yarn-application", "-D", "yarn.deployment.timeout=40s",
                "-c", HangingMain.class.getName(), jobJar.toString());

        assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
        assertThat(run.errLines()).as(run::toString).hasSize(1).first().asString().contains("ran no job")
                .contains("was killed");
        String app = newApplication(before);
        assertThat(check(scripts.run("yarn", "application", "-status", app)).out()).contains("State : KILLED");
        assertThat(stagingDirectories()).doesNotContain(app);
    }

    @Test
    void taskManagerContainerShotWithForcefulShutdownIsReplacedAndTheOutputIsExact() throws Exception {
        List<String> before = applications();
        DistScripts.Background client = scripts.start("weft", "run", "-t", "yarn-per-job",
                "-D", "restart-strategy.type=fixed-delay", "-D", "restart-strategy.fixed-delay.attempts=3",
                "-D", "restart-strategy.fixed-delay.delay=1s", "-c", SlowWordCount.class.getName(),
                jobJar.toString(), "hdfs:///it/words.txt", "hdfs:///it/out-shot", "50");
        String app = awaitRunningApplication(before);
        awaitSubmitted(client);

        String victim = signalTaskManagerContainer(app);
        DistScripts.Run run = client.await(Duration.ofSeconds(150));

        assertThat(run.exitCode()).as(run::toString).isZero();
        assertThat(output("/it/out-shot")).isEqualTo(expectedCounts);
        assertThat(containerLogs(app)).contains("TaskManager container " + victim);
    }

    static String examplesJar() {
        return scripts.dist().resolve("examples/weft-examples.jar").toString();
    }

    static DistScripts.Run check(DistScripts.Run run) {
        assertThat(run.exitCode()).as(run::toString).isZero();
        return run;
    }

    static String jobId(DistScripts.Run run) {
        Matcher m = JOB.matcher(run.out());
        assertThat(m.find()).as(run::toString).isTrue();
        return m.group(1);
    }

    /** The counts in the part files of {@code path} on HDFS. */
    static Map<String, Long> output(String path) throws IOException, InterruptedException {
        return output(scripts, path);
    }

    /** The counts in the part files of {@code path} on HDFS, read with {@code scripts}. */
    static Map<String, Long> output(DistScripts scripts, String path) throws IOException, InterruptedException {
        DistScripts.Run cat = check(scripts.run("hdfs", "dfs", "-cat", path + "/part-*"));
        Map<String, Long> counts = new TreeMap<>();
        for (String line : cat.out().lines().toList()) {
            String[] parts = line.split("\t");
            assertThat(counts.put(parts[0], Long.parseLong(parts[1]))).as("duplicate " + parts[0]).isNull();
        }
        return counts;
    }

    static List<String> applications() throws IOException, InterruptedException {
        DistScripts.Run list = check(scripts.run("yarn", "application", "-list", "-appStates", "ALL"));
        List<String> ids = new ArrayList<>();
        Matcher m = APPLICATION.matcher(list.out());
        while (m.find()) {
            if (!ids.contains(m.group())) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    static String newApplication(List<String> before) throws IOException, InterruptedException {
        List<String> now = applications();
        now.removeAll(before);
        assertThat(now).as("new applications").hasSize(1);
        return now.get(0);
    }

    /** The one application started since {@code before}, once YARN says it runs (bounded). */
    static String awaitRunningApplication(List<String> before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            DistScripts.Run list = check(scripts.run("yarn", "application", "-list", "-appStates", "RUNNING"));
            Matcher m = APPLICATION.matcher(list.out());
            while (m.find()) {
                if (!before.contains(m.group())) {
                    return m.group();
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No new RUNNING application within 90 s");
    }

    /** Waits until the attached client printed the job id (the job runs on the application). */
    static void awaitSubmitted(DistScripts.Background client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (JOB.matcher(Files.readString(client.out())).find()) {
                return;
            }
            assertThat(client.process().isAlive()).as(() -> "client ended early: " + read(client)).isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError("The client printed no job id within 90 s: " + read(client));
    }

    private static String read(DistScripts.Background client) {
        try {
            return Files.readString(client.out()) + Files.readString(client.err());
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * Shoots a running TaskManager container of {@code app} (not the AM's) with FORCEFUL_SHUTDOWN, once there is one
     * the NodeManager knows (a container just allocated may not be launched yet: then the signal is tried again).
     */
    static String signalTaskManagerContainer(String app) throws Exception {
        String attempt = app.replace("application_", "appattempt_") + "_000001";
        Pattern running = Pattern.compile("(container_\\d+_\\d+_\\d+_\\d+)\\s.*\\sRUNNING\\s");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        DistScripts.Run last = null;
        while (System.nanoTime() < deadline) {
            DistScripts.Run list = check(scripts.run("yarn", "container", "-list", attempt));
            Matcher m = running.matcher(list.out());
            while (m.find()) {
                if (!m.group(1).endsWith("_000001")) {
                    last = scripts.run("yarn", "container", "-signal", m.group(1), "FORCEFUL_SHUTDOWN");
                    if (last.exitCode() == 0 && !last.err().contains("absent container")) {
                        return m.group(1);
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No running TaskManager container of " + app + " to signal within 90 s: " + last);
    }

    /** What {@code yarn logs} shows of an ended application, once aggregation is done (bounded). */
    static String containerLogs(String app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        DistScripts.Run logs = null;
        while (System.nanoTime() < deadline) {
            logs = scripts.run("yarn", "logs", "-applicationId", app);
            if (logs.exitCode() == 0 && logs.out().contains("LogType:taskmanager.log")) {
                return logs.out();
            }
            Thread.sleep(1000);
        }
        return String.valueOf(logs);
    }

    /** The application ids with a staging directory left under some user's .weft/. */
    static String stagingDirectories() throws IOException, InterruptedException {
        return stagingDirectories(scripts);
    }

    /** What {@code hdfs dfs -ls -R /user} lists, read with {@code scripts} (nothing when /user does not exist). */
    static String stagingDirectories(DistScripts scripts) throws IOException, InterruptedException {
        DistScripts.Run ls = scripts.run("hdfs", "dfs", "-ls", "-R", "/user");
        assertThat(ls.exitCode() == 0 || ls.err().contains("No such file or directory")).as(ls::toString).isTrue();
        return ls.out();
    }
}
