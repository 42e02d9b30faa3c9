package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts of the laid-out distribution ({@code bin/…} under system property
 * {@value StandaloneClusterScriptsIT#DIST_DIR_PROPERTY}) as a user would: a clean environment (no WEFT_, HADOOP_ or
 * YARN_ variables of the build), small client JVMs, stdin from /dev/null (or an open pipe), stdout and stderr to
 * files. Each run is
 * bounded in time and killed (by its own handle) when it overruns. Not thread-safe; one per test class.
 */
final class DistScripts {
    static final Duration TIMEOUT = Duration.ofSeconds(150);

    private final Path dist;
    private final Path workDir;
    private final Map<String, String> env;

    /** What a finished script run printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** A script still running in the background. */
    record Background(Process process, Path out, Path err) {
        Run await(Duration timeout) throws IOException, InterruptedException {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not end within %s; out: %s err: %s", process.info().commandLine().orElse("?"), timeout,
                        Files.readString(out), Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    /**
     * @param workDir the scripts' working directory, which also receives their output files
     * @param env variables added to the clean environment (HADOOP_CONF_DIR and the like)
     */
    DistScripts(Path workDir, Map<String, String> env) {
        String distDir = System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY);
        assertThat(distDir).as("system property " + StandaloneClusterScriptsIT.DIST_DIR_PROPERTY).isNotBlank();
        this.dist = Path.of(distDir);
        this.workDir = workDir;
        this.env = Map.copyOf(env);
    }

    Path dist() {
        return dist;
    }

    /** Runs {@code bin/<name> args…} and waits for it (at most {@link #TIMEOUT}). */
    Run run(String name, String... args) throws IOException, InterruptedException {
        return start(name, args).await(TIMEOUT);
    }

    /** Starts {@code bin/<name> args…} (or {@code name args…}, for an absolute {@code name}) in the background. */
    Background start(String name, String... args) throws IOException {
        return start(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()), name, args);
    }

    /**
     * Starts {@code bin/<name> args…} in the background with its stdin a pipe that stays open until the process's
     * {@link Process#getOutputStream()} is closed (for a command that runs until its input ends).
     */
    Background startWithOpenInput(String name, String... args) throws IOException {
        return start(ProcessBuilder.Redirect.PIPE, name, args);
    }

    private Background start(ProcessBuilder.Redirect input, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin").resolve(name).toString());
        command.addAll(List.of(args));
        String prefix = Path.of(name).getFileName() + "-";
        Path out = Files.createTempFile(workDir, prefix, ".out");
        Path err = Files.createTempFile(workDir, prefix, ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(input).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("WEFT_") || k.startsWith("HADOOP_") || k.startsWith("YARN_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("WEFT_SANDBOX_START_TIMEOUT", "120");
        environment.put("WEFT_SANDBOX_JVM_ARGS", "-Xmx512m");
        environment.put("WEFT_LOG_DIR", workDir.resolve("log").toString());
        environment.put("JVM_ARGS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        environment.put("HADOOP_CLIENT_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        environment.putAll(env);
        return new Background(builder.start(), out, err);
    }
}
