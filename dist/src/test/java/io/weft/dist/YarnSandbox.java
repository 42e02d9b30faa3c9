package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox of the laid-out distribution for the YARN client's integration tests: started with
 * {@code bin/weft-sandbox start} into a directory of the test's, used through the distribution's scripts with
 * {@code HADOOP_CONF_DIR} set, and stopped with its script (killed by pid when that fails). Used by one test class
 * at a time, on JUnit's thread.
 */
final class YarnSandbox {
    private static final String SANDBOX = "io.weft.sandbox.SandboxMain";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(150);
    private static final Pattern APPLICATION = Pattern.compile("application_\\d+_\\d+");
    private static final Pattern JOB = Pattern.compile("Job ([0-9a-f]{32}) submitted");
    /** Options that size the containers to fit the sandbox's NodeManagers. */
    static final List<String> SMALL_CONTAINERS = List.of("-D", "jobmanager.memory.process.size=768m", "-D",
            "taskmanager.memory.process.size=768m");

    private final Path dist;
    private final Path dir;
    private final Path sandboxDir;

    /** What a script returned and printed. */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private YarnSandbox(Path dist, Path dir) {
        this.dist = dist;
        this.dir = dir;
        this.sandboxDir = dir.resolve("sandbox");
    }

    /** Starts the sandbox in {@code dir}; fails the test with the end of its log when it does not come up. */
    static YarnSandbox start(Path dir) throws IOException, InterruptedException {
        String distDir = System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY);
        assertThat(distDir).as("system property " + StandaloneClusterScriptsIT.DIST_DIR_PROPERTY).isNotBlank();
        YarnSandbox sandbox = new YarnSandbox(Path.of(distDir), dir);
        Run start = sandbox.script(Map.of(), "weft-sandbox", "start", "--dir", sandbox.sandboxDir.toString());
        assertThat(start.exitCode()).as(() -> start + sandbox.log()).isZero();
        return sandbox;
    }

    /** Stops the sandbox with its script, and kills it by pid if it still runs. */
    void stop() throws IOException, InterruptedException {
        try {
            script(Map.of(), "weft-sandbox", "stop", "--dir", sandboxDir.toString());
        } finally {
            long pid = pid();
            if (pid > 0 && runs(pid)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** The distribution's directory. */
    Path dist() {
        return dist;
    }

    /** The environment that points the scripts at the sandbox. */
    Map<String, String> hadoopEnv() {
        return Map.of("HADOOP_CONF_DIR", sandboxDir.resolve("conf").toString());
    }

    /** Runs {@code bin/<name> args} against the sandbox. */
    Run run(String name, String... args) throws IOException, InterruptedException {
        return script(hadoopEnv(), name, args);
    }

    /** Runs {@code bin/<name> args} with {@code extraEnv} (and no WEFT_, HADOOP_ or YARN_ variables of ours). */
    Run script(Map<String, String> extraEnv, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin").resolve(name).toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("WEFT_") || key.startsWith("HADOOP_") || key.startsWith("YARN_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("WEFT_SANDBOX_START_TIMEOUT", "120");
        env.put("WEFT_SANDBOX_JVM_ARGS", "-Xmx512m");
        env.put("WEFT_LOG_DIR", dir.resolve("log").toString());
        env.put("JVM_ARGS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        env.put("HADOOP_CLIENT_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        env.putAll(extraEnv);
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not end within %s%s", command, SCRIPT_TIMEOUT, log());
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The example jar of the distribution. */
    String examples() {
        return dist.resolve("examples/weft-examples.jar").toString();
    }

    /** The sorted lines of the {@code part-*} files of an HDFS directory. */
    List<String> lines(String hdfsDir) throws IOException, InterruptedException {
        Run cat = run("hdfs", "dfs", "-cat", hdfsDir + "/part-*");
        assertThat(cat.exitCode()).as(cat::toString).isZero();
        return cat.out().lines().sorted().toList();
    }

    /** The final status line of {@code yarn application -status}. */
    String finalState(String application) throws IOException, InterruptedException {
        return run("yarn", "application", "-status", application).out().lines()
                .filter(l -> l.contains("Final-State")).findFirst().orElse("").strip();
    }

    /** The job id of a run's {@code Job <id> submitted} line. */
    static String jobId(Run run) {
        Matcher m = JOB.matcher(run.out());
        assertThat(m.find()).as(run::toString).isTrue();
        return m.group(1);
    }

    /** The first application id a run printed. */
    static String applicationId(Run run) {
        Matcher m = APPLICATION.matcher(run.out());
        assertThat(m.find()).as(run::toString).isTrue();
        return m.group();
    }

    /** The ids of every application YARN knows ({@code yarn application -list -appStates ALL}). */
    List<String> applications() throws IOException, InterruptedException {
        Run list = run("yarn", "application", "-list", "-appStates", "ALL");
        assertThat(list.exitCode()).as(list::toString).isZero();
        List<String> ids = new ArrayList<>();
        Matcher m = APPLICATION.matcher(list.out());
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    /** The staging directories left in the users' home directories on HDFS. */
    String stagingDirectories() throws IOException, InterruptedException {
        Run ls = run("hdfs", "dfs", "-ls", "-R", "/user");
        return ls.out().lines().filter(l -> l.contains("/.weft/application_")).reduce("", (a, b) -> a + b + "\n");
    }

    private long pid() {
        try {
            String line = Files.readString(sandboxDir.resolve("sandbox.pid")).strip();
            return line.matches("[0-9]+") ? Long.parseLong(line) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean runs(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).contains(SANDBOX);
        } catch (IOException e) {
            return false;
        }
    }

    /** The end of the sandbox's log, for assertion messages. */
    String log() {
        try {
            List<String> lines = Files.readAllLines(sandboxDir.resolve("sandbox.log"));
            return "\n--- end of sandbox.log ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(no sandbox.log: " + e + ")";
        }
    }
}
