package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
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
 * Weft with old Guava, Jackson, Netty, SnakeYAML and commons-* jars AHEAD of {@code lib/weft-dist.jar} on the class
 * path — what a Hadoop cluster's classpath does to a YARN container: the distribution relocates the libraries
 * that are not part of Weft's API, so a JobManager, a TaskManager (RPC and data plane over Netty, REST over
 * Jackson, configuration over SnakeYAML) and the client still run WordCount exactly.
 */
class ConflictingLibrariesIT {
    @TempDir
    Path dir;
    private Path dist;
    private String classpath;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void classpathWithOldLibrariesFirst() throws IOException {
        dist = Path.of(System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY));
        Path old = Path.of(System.getProperty("weft.conflicting.libraries"));
        List<String> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(old)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
        }
        assertThat(entries).as("old libraries in " + old).hasSize(8);
        entries.add(dist.resolve("lib/weft-dist.jar").toString());
        entries.add(dist.resolve("lib/hadoop").toString() + File.separator + "*");
        classpath = String.join(File.pathSeparator, entries);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private Process java(String mainClass, Path out, String... args) throws IOException {
        return java(Map.of(), mainClass, out, args);
    }

    /** Starts {@code mainClass} with none of this JVM's {@code WEFT_*} variables, but those of {@code env}. */
    private Process java(Map<String, String> env, String mainClass, Path out, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")), "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("WEFT_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    @Test
    void aClusterAndTheClientRunWordCountWithOldLibrariesAheadOnTheClassPath() throws Exception {
        int rest = freePort();
        int rpc = freePort();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("weft-conf.yaml"), String.join("\n", "rest.port: " + rest,
                "rest.address: 127.0.0.1", "jobmanager.rpc.address: 127.0.0.1", "jobmanager.rpc.port: " + rpc,
                "security.cluster-secret.file: " + dir.resolve("secret"), "taskmanager.numberOfTaskSlots: 2", ""));
        java("io.weft.jobmanager.entrypoint.StandaloneJobManager", dir.resolve("jm.out"), "--configDir",
                conf.toString());
        awaitRest(rest, "/overview", "taskmanagers");
        java("io.weft.runtime.taskexecutor.TaskManagerRunner", dir.resolve("tm.out"), "--configDir", conf.toString());
        awaitRest(rest, "/taskmanagers", "\"slotsNumber\":2");

        Path input = Files.writeString(dir.resolve("words.txt"), "old jars new jars\nold habits\n");
        Path output = dir.resolve("counts");
        // the client finds the cluster secret (for its REST token) through the cluster's configuration
        Process client = java(Map.of("WEFT_CONF_DIR", conf.toString()), "io.weft.client.cli.CliFrontend",
                dir.resolve("client.out"), "run", "-t", "remote",
                "-m", "127.0.0.1:" + rest, "-p", "2", dist.resolve("examples/weft-examples.jar").toString(),
                "--input", input.toString(), "--output", output.toString());
        if (!client.waitFor(120, TimeUnit.SECONDS)) {
            fail("the client did not end within 120 s\n" + logs());
        }
        assertThat(client.exitValue()).as(logs()).isZero();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(output)) {
            for (Path part : parts.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        assertThat(lines).containsExactlyInAnyOrder("old\t2", "jars\t2", "new\t1", "habits\t1");
    }

    /** Polls a REST path of the JobManager until its answer contains {@code text}, up to 60 s. */
    private void awaitRest(int port, String path, String text) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + path)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.body().contains(text)) {
                    return;
                }
            } catch (IOException notYet) {
                // the JobManager is not listening yet
            }
            for (Process p : processes) {
                if (!p.isAlive()) {
                    fail("a process ended early\n" + logs());
                }
            }
            Thread.sleep(200);
        }
        fail("GET " + path + " did not show '" + text + "' within 60 s\n" + logs());
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("jm.out", "tm.out", "client.out")) {
            try {
                Path f = dir.resolve(name);
                if (Files.exists(f)) {
                    List<String> l = Files.readAllLines(f);
                    b.append("==== ").append(name).append('\n')
                            .append(String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()))).append('\n');
                }
            } catch (IOException e) {
                b.append(e).append('\n');
            }
        }
        return b.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
