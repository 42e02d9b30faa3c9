package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A standalone cluster started with {@code start-cluster.sh} (one JobManager, one TaskManager with two slots) in a
 * directory of its own, on free loopback ports, for many test cases to share; {@link #close()} stops it with
 * {@code stop-cluster.sh} and kills by pid what that left. Not thread-safe.
 */
final class SharedStandaloneCluster implements AutoCloseable {
    private static final List<String> MAIN_CLASSES = List.of("io.weft.jobmanager.entrypoint.StandaloneJobManager",
            "io.weft.runtime.taskexecutor.TaskManagerRunner");

    private final Path dir;
    private final Path confDir;
    private final Path pidDir;
    private final int restPort;
    private final DistScripts scripts;

    private SharedStandaloneCluster(Path dir, String taskManagerHeap, String extraConf) throws IOException {
        this.dir = dir;
        this.confDir = Files.createDirectories(dir.resolve("conf"));
        this.pidDir = Files.createDirectories(dir.resolve("pids"));
        Files.createDirectories(dir.resolve("jvm-tmp"));
        this.restPort = freePort();
        int rpcPort = freePort();
        Files.writeString(confDir.resolve("weft-conf.yaml"), loopbackConf(restPort, rpcPort, 2)
                + "security.cluster-secret.file: " + dir.resolve("cluster.secret") + "\n" + extraConf);
        for (String file : List.of("log4j2.properties", "log4j2-cli.properties")) {
            Path source = Path.of(System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY), "conf", file);
            Files.copy(source, confDir.resolve(file));
        }
        Map<String, String> env = new TreeMap<>();
        env.put("WEFT_PID_DIR", pidDir.toString());
        env.put("WEFT_CONF_DIR", confDir.toString());
        env.put("WEFT_START_TIMEOUT", "90");
        env.put("JVM_ARGS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=" + dir.resolve("jvm-tmp"));
        env.put("WEFT_JM_JVM_ARGS", "-Xmx256m");
        env.put("WEFT_TM_JVM_ARGS", "-Xmx" + taskManagerHeap);
        this.scripts = new DistScripts(dir, env);
    }

    /** Starts the cluster and waits until its TaskManager has registered. */
    static SharedStandaloneCluster start(Path dir) {
        return start(dir, "384m");
    }

    /** Starts the cluster with a TaskManager heap of {@code taskManagerHeap} (as -Xmx takes it) and waits for it. */
    static SharedStandaloneCluster start(Path dir, String taskManagerHeap) {
        return start(dir, taskManagerHeap, "");
    }

    /** As {@link #start(Path, String)}, with more lines (each ending in a newline) for its weft-conf.yaml. */
    static SharedStandaloneCluster start(Path dir, String taskManagerHeap, String extraConf) {
        return launch(dir, taskManagerHeap, extraConf, List.of());
    }

    /**
     * Starts a cluster of {@code resourceIds.size()} TaskManagers of two slots each, the i-th started with
     * {@code taskmanager.resource-id} {@code resourceIds.get(i)} (so the JobManager's ids tell which process runs
     * what), and waits until all have registered; {@link #taskManagerPids()} lists them in the same order.
     */
    static SharedStandaloneCluster startWithTaskManagers(Path dir, List<String> resourceIds) {
        return launch(dir, "256m", "", resourceIds);
    }

    /**
     * Starts the cluster: with no {@code resourceIds}, one TaskManager through {@code start-cluster.sh}; else the
     * JobManager through it and one TaskManager per id through {@code taskmanager.sh}. Waits for them all.
     */
    private static SharedStandaloneCluster launch(Path dir, String taskManagerHeap, String extraConf,
            List<String> resourceIds) {
        try {
            SharedStandaloneCluster cluster = new SharedStandaloneCluster(dir, taskManagerHeap, extraConf);
            DistScripts.Run start = cluster.scripts.run("start-cluster.sh", "-n", resourceIds.isEmpty() ? "1" : "0");
            assertThat(start.exitCode()).as(() -> start + cluster.logs()).isZero();
            for (String id : resourceIds) {
                DistScripts.Run tm = cluster.scripts.run("taskmanager.sh", "start", "-D",
                        "taskmanager.resource-id=" + id);
                assertThat(tm.exitCode()).as(() -> tm + cluster.logs()).isZero();
            }
            cluster.awaitTaskManagers(Math.max(1, resourceIds.size()));
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the standalone cluster in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the standalone cluster", e);
        }
    }

    /** A {@code weft-conf.yaml} whose processes bind to and reach each other on 127.0.0.1 at the given ports. */
    static String loopbackConf(int restPort, int rpcPort, int slots) {
        return String.join("\n",
                "rest.port: " + restPort,
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: 127.0.0.1",
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.numberOfTaskSlots: " + slots,
                "");
    }

    Path confDir() {
        return confDir;
    }

    String restAddress() {
        return "127.0.0.1:" + restPort;
    }

    Path secretFile() {
        return dir.resolve("cluster.secret");
    }

    private void awaitTaskManagers(int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + restAddress() + "/taskmanagers"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200
                    && new ObjectMapper().readTree(response.body()).get("taskmanagers").size() == count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The cluster's " + count + " TaskManagers did not register within 60 s" + logs());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            scripts.run("stop-cluster.sh");
        } finally {
            killLeftovers(pidDir);
        }
    }

    /** Kills, by pid, every JobManager and TaskManager still running of the pid files in {@code pidDir}. */
    static void killLeftovers(Path pidDir) throws IOException {
        for (long pid : pids(pidDir, ".pid")) {
            if (runsWeft(pid)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** The pid of the TaskManager that {@link #start} started. */
    long taskManagerPid() throws IOException {
        try (Stream<Path> files = Files.list(pidDir)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith("-taskmanager.pid")).findFirst()
                    .orElseThrow(() -> new AssertionError("no taskmanager pid file in " + pidDir));
            return Long.parseLong(Files.readAllLines(file).get(0).strip());
        }
    }

    /** The pids of the cluster's TaskManagers, in the order they were started. */
    List<Long> taskManagerPids() throws IOException {
        return pids(pidDir, "-taskmanager.pid");
    }

    /** The cluster's log directory (.log and .out files of its processes). */
    Path logDir() {
        return dir.resolve("log");
    }

    /** The pids of the pid files in {@code pidDir} whose names end with {@code suffix}, in file order. */
    static List<Long> pids(Path pidDir, String suffix) throws IOException {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(pidDir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(pidDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                Files.readAllLines(file).stream().map(String::strip).filter(s -> s.matches("[0-9]+"))
                        .map(Long::valueOf).forEach(pids::add);
            }
        }
        return pids;
    }

    /** Whether {@code pid} is a live JobManager or TaskManager process. */
    static boolean runsWeft(long pid) {
        try {
            String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return MAIN_CLASSES.stream().anyMatch(cmdline::contains);
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of the cluster's logs, for the message of a failed assertion. */
    String logs() {
        return logTails(logDir());
    }

    /** The last lines of every file of {@code logDir}, for the message of a failed assertion. */
    static String logTails(Path logDir) {
        StringBuilder text = new StringBuilder();
        if (!Files.isDirectory(logDir)) {
            return "\n(no log directory " + logDir + ")";
        }
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                text.append("\n--- ").append(file.getFileName()).append(" (last 20 lines)\n");
                lines.subList(Math.max(0, lines.size() - 20), lines.size())
                        .forEach(line -> text.append(line).append('\n'));
            }
        } catch (IOException e) {
            text.append("\n(cannot read the logs: ").append(e).append(')');
        }
        return text.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
