package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts of {@code bin/} of the laid-out distribution ({@code target/weft/}, system property
 * {@value #DIST_DIR_PROPERTY}) as users run them: {@code start-cluster.sh} starts a JobManager and TaskManagers as
 * processes of their own, {@code weft run -t remote} runs WordCount on them, {@code stop-cluster.sh} stops them.
 *
 * <p>Runs in the {@code integration-test} phase of the dist module, after the distribution is laid out. Every
 * process binds to 127.0.0.1 on free ports; pid files, logs, the cluster secret and the JVMs' temporary files
 * stay in a temporary directory; {@link #killLeftovers()} kills, by pid, any process a failed test left behind.
 */
class StandaloneClusterScriptsIT {
    static final String DIST_DIR_PROPERTY = "weft.dist.dir";
    private static final String JOB_MANAGER = "io.weft.jobmanager.entrypoint.StandaloneJobManager";
    private static final String TASK_MANAGER = "io.weft.runtime.taskexecutor.TaskManagerRunner";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private Path dist;
    private Path pidDir;
    private Path logDir;
    private Path confDir;
    private int restPort;
    private boolean deriveJvmOptionsFromMemory;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void layOut() throws IOException {
        String distDir = System.getProperty(DIST_DIR_PROPERTY);
        assertThat(distDir).as("system property " + DIST_DIR_PROPERTY).isNotBlank();
        dist = Path.of(distDir);
        assertThat(dist.resolve("bin/start-cluster.sh")).isExecutable();
        assumeThat(Path.of("/proc/self/cmdline")).as("a Linux /proc to check processes by pid").exists();
        pidDir = Files.createDirectories(dir.resolve("pids"));
        logDir = dir.resolve("log");
        confDir = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("jvm-tmp"));
        restPort = freePort();
        int rpcPort = freePort();
        Files.writeString(confDir.resolve("weft-conf.yaml"), SharedStandaloneCluster.loopbackConf(restPort, rpcPort, 1));
    }

    @AfterEach
    void killLeftovers() throws IOException {
        for (String daemon : List.of("jobmanager", "taskmanager")) {
            for (long pid : pids(daemon)) {
                if (runs(pid, JOB_MANAGER) || runs(pid, TASK_MANAGER)) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    @Test
    void startCluster_runsWordCountRemotely_andStopClusterLeavesNoProcessAndNoPid() throws Exception {
        Run start = script("start-cluster.sh", "-n", "2");
        assertThat(start.exitCode()).as(() -> start + logs()).isZero();
        assertThat(start.out().lines()).as(() -> start + logs()).hasSize(3)
                .allMatch(line -> line.startsWith("Started "));
        List<Long> jobManagers = pids("jobmanager");
        List<Long> taskManagers = pids("taskmanager");
        assertThat(jobManagers).hasSize(1);
        assertThat(taskManagers).hasSize(2);
        assertThat(jobManagers).allMatch(pid -> runs(pid, JOB_MANAGER));
        assertThat(taskManagers).allMatch(pid -> runs(pid, TASK_MANAGER));
        awaitRegisteredTaskManagers(2);

        Path input = Files.writeString(dir.resolve("words.txt"), "To be, or not to be\nto BE\n");
        Path output = dir.resolve("counts");
        Run job = run(List.of(dist.resolve("bin/weft").toString(), "run", "-t", "remote", "-m",
                "127.0.0.1:" + restPort, dist.resolve("examples/weft-examples.jar").toString(),
                "--input", input.toString(), "--output", output.toString()));
        assertThat(job.exitCode()).as(() -> job + logs()).isZero();
        assertThat(job.out().lines()).as(() -> job + logs()).hasSize(2).last().asString().endsWith("FINISHED");
        assertThat(readParts(output)).containsExactly("be\t3", "not\t1", "or\t1", "to\t3");

        assertThat(logDir.resolve(logName("jobmanager", 0))).content().contains("JobManager running");
        assertThat(logDir.resolve(logName("taskmanager", 0))).content().contains("Registered with the JobManager");
        assertThat(logDir.resolve(logName("taskmanager", 1))).content().contains("Registered with the JobManager");

        Run stop = script("stop-cluster.sh");
        assertThat(stop.exitCode()).as(() -> stop + logs()).isZero();
        assertThat(stop.out()).contains("Stopping jobmanager daemon (pid " + jobManagers.get(0) + ")");
        assertThat(pidFile("jobmanager")).doesNotExist();
        assertThat(pidFile("taskmanager")).doesNotExist();
        for (long pid : concat(jobManagers, taskManagers)) {
            assertThat(runs(pid, JOB_MANAGER) || runs(pid, TASK_MANAGER)).as("pid %d still runs", pid).isFalse();
        }
        assertThat(logDir.resolve(logName("jobmanager", 0))).content().contains("JobManager stopped");
    }

    @Test
    void taskManagerStop_withoutPidFile_saysThereIsNothingToStop() throws IOException, InterruptedException {
        Run stop = script("taskmanager.sh", "stop");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out().lines()).as(stop.toString()).containsExactly("No taskmanager daemon to stop on host "
                + hostName() + " (no running pid in " + pidFile("taskmanager") + ").");
    }

    @Test
    void jobManagerStart_withUnknownKey_exitsNonZeroShowingTheConfigurationError()
            throws IOException, InterruptedException {
        Run start = script("jobmanager.sh", "start", "-D", "rest.prot=8081");
        assertThat(start.exitCode()).as(start.toString()).isEqualTo(1);
        assertThat(start.err()).as(start.toString()).contains("exited with code 2")
                .contains("Unknown configuration key 'rest.prot'");
        assertThat(pidFile("jobmanager")).doesNotExist();
    }

    @Test
    void jobManagerStart_withAProcessTooSmallForItsMemoryParts_exitsTwoNamingTheKey()
            throws IOException, InterruptedException {
        deriveJvmOptionsFromMemory = true;
        Run start = script("jobmanager.sh", "start", "-D", "jobmanager.memory.process.size=300mb");
        assertThat(start.exitCode()).as(start.toString()).isEqualTo(2);
        assertThat(start.err().lines()).as(start.toString()).hasSize(1).first().asString()
                .contains("jobmanager.memory.process.size is 300").contains("raise jobmanager.memory.process.size");
        assertThat(pidFile("jobmanager")).doesNotExist();
    }

    @Test
    void wrongUsage_printsTheUsageLineAndExitsTwo() throws IOException, InterruptedException {
        Run run = script("taskmanager.sh", "restart");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("Usage: taskmanager.sh start|stop|stop-all [-D key=value]...");
        Run cluster = script("start-cluster.sh", "-n", "two");
        assertThat(cluster.exitCode()).isEqualTo(2);
        assertThat(cluster.err()).contains("-n takes the number of TaskManagers, not 'two'");
    }

    @Test
    void twoTaskManagersStartedAtOnce_writeFilesOfTheirOwn() throws Exception {
        // no JobManager: each TaskManager comes up, fails to reach it and keeps trying, which is enough here
        Map<String, String> secret = Map.of("WEFT_CLUSTER_SECRET", AuthCases.randomSecret());
        Started first = startScript(secret, "taskmanager.sh", "start");
        Started second = startScript(secret, "taskmanager.sh", "start");
        Run one = first.await();
        Run two = second.await();
        assertThat(one.exitCode()).as(() -> one + logs()).isZero();
        assertThat(two.exitCode()).as(() -> two + logs()).isZero();

        List<Long> taskManagers = pids("taskmanager");
        assertThat(taskManagers).as(() -> one + "\n" + two + logs()).hasSize(2).doesNotHaveDuplicates()
                .allMatch(pid -> runs(pid, TASK_MANAGER));
        assertThat(one.out() + two.out()).contains(logName("taskmanager", 0).replace(".log", ".{log,out}"))
                .contains(logName("taskmanager", 1).replace(".log", ".{log,out}"));
        for (int index = 0; index < 2; index++) {
            assertThat(Files.readAllLines(logDir.resolve(logName("taskmanager", index))))
                    .as("TaskManagers logging into %s", logName("taskmanager", index))
                    .filteredOn(line -> line.contains(" started with ")).hasSize(1);
        }
        assertThat(script("taskmanager.sh", "stop-all").exitCode()).isZero();
    }

    @Test
    void aTaskManagerOfAnotherPidFile_keepsItsLogFiles() throws Exception {
        Path otherPidDir = Files.createDirectories(dir.resolve("other-pids"));
        String secret = AuthCases.randomSecret();
        Run outside = startScript(Map.of("WEFT_PID_DIR", otherPidDir.toString(), "WEFT_CLUSTER_SECRET", secret),
                "taskmanager.sh", "start").await();
        assertThat(outside.exitCode()).as(() -> outside + logs()).isZero();
        assertThat(outside.out()).contains(logName("taskmanager", 0).replace(".log", ".{log,out}"));

        Run start = startScript(Map.of("WEFT_CLUSTER_SECRET", secret), "taskmanager.sh", "start").await();
        assertThat(start.exitCode()).as(() -> start + logs()).isZero();
        assertThat(start.out()).contains(logName("taskmanager", 1).replace(".log", ".{log,out}"));

        assertThat(script("taskmanager.sh", "stop-all").exitCode()).isZero();
        Run stopOutside = startScript(Map.of("WEFT_PID_DIR", otherPidDir.toString()), "taskmanager.sh", "stop-all")
                .await();
        assertThat(stopOutside.exitCode()).as(stopOutside.toString()).isZero();
    }

    @Test
    void withoutFlock_aLockDirectoryExcludesOthersUntilItsOwnerEnds() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("no-flock-bin"));
        for (String tool : List.of("bash", "cat", "mkdir", "mv", "rm", "find", "sleep")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of(shell("command -v " + tool)));
        }
        Path lock = pidDir.resolve("weft-test-taskmanager.lock");
        Files.createDirectories(Path.of(lock + ".d"));
        String take = "PATH=" + bin + "; . " + dist.resolve("bin/weft-daemon.sh") + "; weft_lock_file=" + lock
                + "; weft_user=test; weft_host=here; weft_daemon=taskmanager; weft_lock_timeout=1; weft_lock"
                + " && cat " + lock + ".d/pid && weft_unlock && [ ! -e " + lock + ".d ] && echo released";

        Files.writeString(Path.of(lock + ".d", "pid"), ProcessHandle.current().pid() + "\n");
        Run held = run(List.of("bash", "-c", take));
        assertThat(held.exitCode()).as(held.toString()).isEqualTo(1);
        assertThat(held.err()).as(held.toString()).contains("(pid " + ProcessHandle.current().pid() + ") held "
                + lock + ".d for 1 s");

        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        Files.writeString(Path.of(lock + ".d", "pid"), ended.pid() + "\n");
        Run stale = run(List.of("bash", "-c", take));
        assertThat(stale.exitCode()).as(stale.toString()).isZero();
        assertThat(stale.out().lines()).as(stale.toString()).hasSize(2).last().isEqualTo("released");
        assertThat(stale.out().lines().findFirst()).as(stale.toString()).isNotEqualTo(Long.toString(ended.pid()));
    }

    private void awaitRegisteredTaskManagers(int expected) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/taskmanagers"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int registered = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            registered = new ObjectMapper().readTree(response.body()).get("taskmanagers").size();
            if (registered == expected) {
                return;
            }
            Thread.sleep(200);
        }
        fail("%d of %d TaskManagers registered within 60 s%s", registered, expected, logs());
    }

    private Run script(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin").resolve(name).toString());
        command.addAll(List.of(args));
        return run(command);
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        return start(command, Map.of()).await();
    }

    /** A script run in the background: its process and where its output goes. */
    private record Started(List<String> command, Process process, Path out, Path err) {
        Run await() throws IOException, InterruptedException {
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not end within %s", command, SCRIPT_TIMEOUT);
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    /** Starts {@code bin/<name> args…} in the background, with {@code extraEnv} over the test's variables. */
    private Started startScript(Map<String, String> extraEnv, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin").resolve(name).toString());
        command.addAll(List.of(args));
        return start(command, extraEnv);
    }

    private Started start(List<String> command, Map<String, String> extraEnv) throws IOException {
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("WEFT_") || key.endsWith("JVM_ARGS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("WEFT_PID_DIR", pidDir.toString());
        env.put("WEFT_LOG_DIR", logDir.toString());
        env.put("WEFT_CONF_DIR", confDir.toString());
        env.put("WEFT_START_TIMEOUT", "90");
        // small heaps and quick start-up: a slow two-core machine runs three JVMs and the client at once
        env.put("JVM_ARGS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=" + dir.resolve("jvm-tmp"));
        if (!deriveJvmOptionsFromMemory) {
            env.put("WEFT_JM_JVM_ARGS", "-Xmx256m");
            env.put("WEFT_TM_JVM_ARGS", "-Xmx256m");
        }
        env.putAll(extraEnv);
        return new Started(command, builder.start(), out, err);
    }

    private Path pidFile(String daemon) {
        return pidDir.resolve("weft-" + userName() + "-" + daemon + ".pid");
    }

    private List<Long> pids(String daemon) throws IOException {
        Path file = pidFile(daemon);
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(String::strip).filter(s -> s.matches("[0-9]+"))
                .map(Long::valueOf).toList();
    }

    /** Whether {@code pid} is a live process running {@code mainClass} (a zombie's command line is empty). */
    private static boolean runs(long pid, String mainClass) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).contains(mainClass);
        } catch (IOException e) {
            return false;
        }
    }

    private String logName(String daemon, int index) {
        return "weft-" + userName() + "-" + daemon + "-" + index + "-" + hostName() + ".log";
    }

    /** The user name as the scripts see it. */
    static String userName() {
        String user = System.getenv("USER");
        return user != null && !user.isEmpty() ? user : shell("id -un");
    }

    private static String hostName() {
        return shell("echo \"$HOSTNAME\"");
    }

    /** The first line a short bash command prints, as the scripts see it. */
    private static String shell(String command) {
        try {
            Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("bash -c '" + command + "' failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readParts(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(output)) {
            for (Path part : parts.sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines.stream().sorted().toList();
    }

    /** The last lines of every .log and .out file, for the message of a failed assertion. */
    private String logs() {
        return SharedStandaloneCluster.logTails(logDir);
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int freePort() throws IOException {
        return SharedStandaloneCluster.freePort();
    }
}
