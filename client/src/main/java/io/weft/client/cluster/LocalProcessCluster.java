package io.weft.client.cluster;

import io.weft.client.rest.RestClusterClient;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RestToken;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Weft cluster of real processes on this machine, for tests and benchmarks: one JobManager JVM and any number of
 * TaskManager JVMs on loopback, started from this JVM's class path minus given entries (a job's own classes, which
 * the TaskManagers must then load from the job jar), with a configuration directory and cluster secret of its own (written
 * before the JobManager starts, so that {@link #rest()} carries its REST token).
 * Processes can be killed with SIGKILL to inject faults.
 *
 * <p>Not thread-safe: used by one thread. {@link #close()} stops every process it started (SIGTERM, then SIGKILL
 * after a bound) and nothing else.
 */
public final class LocalProcessCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private final Path dir;
    private final Path confDir;
    private final int restPort;
    private final int rpcPort;
    private final String classpath;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> killed = new ArrayList<>();
    private final RestClusterClient rest;
    private final List<String> jvmOptions;
    private Process jobManager;

    /** A cluster whose processes run with a 384 MB heap and the serial collector. */
    public LocalProcessCluster(Path dir, List<String> extraConfig, List<Path> excludedClasspath) throws IOException {
        this(dir, extraConfig, excludedClasspath, List.of("-Xmx384m", "-XX:+UseSerialGC"));
    }

    /**
     * @param extraConfig {@code key: value} lines of weft-conf.yaml, overriding the defaults (restart strategy, timeouts...)
     * @param excludedClasspath class path entries the processes must not see (the job's classes)
     * @param jvmOptions options of every process's JVM (heap, garbage collector)
     */
    public LocalProcessCluster(Path dir, List<String> extraConfig, List<Path> excludedClasspath,
            List<String> jvmOptions) throws IOException {
        this.dir = dir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.confDir = Files.createDirectories(dir.resolve("conf"));
        this.restPort = freePort();
        this.rpcPort = freePort();
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("rest.port", String.valueOf(restPort));
        conf.put("rest.bind-address", "127.0.0.1");
        conf.put("rest.address", "127.0.0.1");
        conf.put("jobmanager.rpc.address", "127.0.0.1");
        conf.put("jobmanager.rpc.port", String.valueOf(rpcPort));
        conf.put("security.cluster-secret.file", dir.resolve("cluster.secret").toString());
        conf.put("blob.storage.directory", dir.resolve("blobs").toString());
        conf.put("taskmanager.registration.timeout", "2 min");
        for (String line : extraConfig) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Not a 'key: value' line: " + line);
            }
            conf.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        Files.write(confDir.resolve("weft-conf.yaml"), conf.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList(), StandardCharsets.UTF_8);
        List<String> excluded = excludedClasspath.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .toList();
        this.classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !excluded.contains(Path.of(e).toAbsolutePath().normalize().toString()))
                .collect(Collectors.joining(File.pathSeparator));
        ClusterSecret secret = ClusterSecret.generate();
        secret.writeTo(secretFile());
        this.rest = new RestClusterClient("127.0.0.1:" + restPort, Duration.ofSeconds(10), RestToken.of(secret));
    }

    public String restAddress() {
        return "127.0.0.1:" + restPort;
    }

    /** The port of the JobManager's RPC endpoint (on 127.0.0.1). */
    public int rpcPort() {
        return rpcPort;
    }

    /** The file holding the cluster secret (written by the JobManager). */
    public Path secretFile() {
        return dir.resolve("cluster.secret");
    }

    public RestClusterClient rest() {
        return rest;
    }

    /** Starts the JobManager and waits until its REST endpoint answers. */
    public void startJobManager() throws IOException {
        jobManager = start("io.weft.jobmanager.entrypoint.StandaloneJobManager", "jobmanager", List.of());
        waitUntil("the JobManager's REST endpoint answers", () -> {
            try {
                rest.listJobs();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** The JobManager's process, once started. */
    public Process jobManager() {
        return jobManager;
    }

    /** Starts a TaskManager with {@code slots} slots; returns its process (it registers on its own). */
    public Process startTaskManager(int slots) throws IOException {
        return start("io.weft.runtime.taskexecutor.TaskManagerRunner", "taskmanager",
                List.of("-D", "taskmanager.numberOfTaskSlots=" + slots));
    }

    /** Waits until exactly {@code count} TaskManagers are registered. */
    public void awaitTaskManagers(int count) {
        waitUntil(count + " TaskManagers registered", () -> registeredTaskManagers() == count);
    }

    public int registeredTaskManagers() {
        return rest.taskManagers().size();
    }

    /** Kills a process with SIGKILL and waits for it to be gone. */
    public void kill(Process p) throws InterruptedException {
        killed.add(p);
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Process " + p.pid() + " survived SIGKILL for 30 s");
        }
    }

    private Process start(String mainClass, String name, List<String> args) throws IOException {
        Path out = dir.resolve(name + "-" + processes.size() + ".out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass, "--configDir", confDir.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("WEFT_CLUSTER_SECRET");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** The output of every process so far, for failure messages. */
    public String logs() {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".out")).sorted()::iterator) {
                List<String> lines = Files.readAllLines(f);
                b.append("==== ").append(f.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(l -> b.append(l).append('\n'));
            }
        } catch (IOException e) {
            b.append("(cannot read logs: ").append(e).append(")");
        }
        return b.toString();
    }

    /** Polls {@code condition} every 100 ms up to the start timeout; fails with the processes' output. */
    public void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (jobManager != null && !jobManager.isAlive() && !killed.contains(jobManager)) {
                throw new IllegalStateException("The JobManager died while waiting for " + what + "\n" + logs());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException("Timed out after " + START_TIMEOUT.toSeconds() + " s waiting for " + what
                + "\n" + logs());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(15, TimeUnit.SECONDS);
            }
        }
    }
}
