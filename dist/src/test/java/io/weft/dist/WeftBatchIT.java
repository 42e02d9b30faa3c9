package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code bin/weft-batch} of the laid-out distribution as cron runs it: the job's exit code, a log file per run,
 * retries only after failures that may pass, and a run skipped (exit code 75) while another run of the same job
 * holds its lock. Jobs run on the embedded cluster, so no cluster is needed.
 */
class WeftBatchIT {
    @TempDir
    Path dir;
    private Path dist;
    private Path logDir;
    private Path lockDir;
    private Process lockHolder;
    private String jvmArgs = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void layOut() throws IOException {
        dist = Path.of(System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY));
        assertThat(dist.resolve("bin/weft-batch")).isExecutable();
        logDir = dir.resolve("log");
        lockDir = dir.resolve("locks");
        Files.writeString(Files.createDirectories(dir.resolve("conf")).resolve("weft-conf.yaml"), "# defaults\n");
        Files.writeString(dir.resolve("in.txt"), "to be or not to be\n");
    }

    @AfterEach
    void releaseLock() throws InterruptedException {
        if (lockHolder != null) {
            lockHolder.destroyForcibly();
            lockHolder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Run batch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(dist.resolve("bin/weft-batch").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("WEFT_") || key.endsWith("JVM_ARGS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("WEFT_CONF_DIR", dir.resolve("conf").toString());
        env.put("WEFT_LOG_DIR", logDir.toString());
        env.put("WEFT_PID_DIR", lockDir.toString());
        env.put("JVM_ARGS", jvmArgs);
        Process p = builder.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("weft-batch did not end within 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String examples() {
        return dist.resolve("examples/weft-examples.jar").toString();
    }

    private List<Path> runLogs() throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("batch-")).sorted().toList();
        }
    }

    @Test
    void aFinishedJobExitsZeroWithItsOutputAndALogOfTheRun() throws Exception {
        Path output = dir.resolve("counts");
        Run r = batch("--name", "nightly", "--", examples(), "--input", dir.resolve("in.txt").toString(),
                "--output", output.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("nightly attempt 1 ended with exit code 0");
        try (Stream<Path> parts = Files.list(output)) {
            List<String> lines = new ArrayList<>();
            for (Path part : parts.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
            assertThat(lines).containsExactlyInAnyOrder("to\t2", "be\t2", "or\t1", "not\t1");
        }
        List<Path> logs = runLogs();
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0).getFileName().toString()).matches("batch-nightly-\\d{8}-\\d{6}-\\d+\\.log");
        assertThat(Files.readString(logs.get(0))).contains("FINISHED").contains("done after")
                .contains("with exit code 0");
    }

    @Test
    void anUnreachableClusterIsRetriedAndItsExitCodeKept() throws Exception {
        Run r = batch("--retries", "2", "--retry-delay", "0", "--", "-t", "remote", "-m", "127.0.0.1:1", examples(),
                "--input", "x", "--output", "y");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out().lines()).hasSize(3).allMatch(l -> l.contains("ended with exit code 3"));
    }

    @Test
    void aConfigurationErrorIsNotRetried() throws Exception {
        Run r = batch("--retries", "3", "--retry-delay", "0", "--", examples(), "--input",
                dir.resolve("missing.txt").toString(), "--output", dir.resolve("o").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void aClientThatRanOutOfHeapIsNotRetried() throws Exception {
        jvmArgs = "-Xmx48m -XX:+UseSerialGC";
        Path words = OutOfMemoryIT.manyDistinctWords(dir.resolve("words.txt"));
        Run r = batch("--retries", "3", "--retry-delay", "0", "--", examples(), "--input", words.toString(),
                "--output", dir.resolve("o").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(52);
        assertThat(r.out().lines()).hasSize(1).first().asString().contains("ended with exit code 52");
    }

    @Test
    void aRunIsSkippedWhileAnotherRunOfTheSameJobHoldsTheLock() throws Exception {
        Files.createDirectories(lockDir);
        Path lock = lockDir.resolve("weft-batch-" + System.getProperty("user.name") + "-weft-examples.lock");
        lockHolder = new ProcessBuilder("flock", lock.toString(), "sleep", "60").start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(lock) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        Run r = batch("--", examples(), "--input", dir.resolve("in.txt").toString(), "--output",
                dir.resolve("skipped").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(75);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("still going").contains("skipped");
        assertThat(dir.resolve("skipped")).doesNotExist();
    }

    @Test
    void detachedRunsAndUnknownOptionsAreUsageErrors() throws Exception {
        assertThat(batch("--", "-d", examples()).exitCode()).isEqualTo(2);
        Run r = batch("--retries", "many", "--", examples());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--retries needs a whole number");
    }
}
