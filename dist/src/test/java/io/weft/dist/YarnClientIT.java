package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YARN client of the laid-out distribution against the real sandbox (started once for the class with
 * {@code bin/weft-sandbox start}): bad input through {@code bin/weft run -t yarn-per-job}, {@code yarn jar
 * lib/weft-dist.jar} and {@code bin/yarn-session.sh} is one line with exit code 2, and leaves no application and no
 * staging directory behind.
 *
 * <p>Runs in the {@code integration-test} phase of the dist module. The sandbox binds to 127.0.0.1 in a temporary
 * directory; {@link #stopSandbox()} stops it with its script and kills it by pid if that fails.
 */
class YarnClientIT {
    private static final String SANDBOX = "io.weft.sandbox.SandboxMain";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(150);
    private static final Pattern APPLICATION = Pattern.compile("application_\\d+_\\d+");

    @TempDir
    static Path dir;
    private static Path dist;
    private static Path sandboxDir;
    private static Map<String, String> hadoopEnv;

    private record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeAll
    static void startSandbox() throws IOException, InterruptedException {
        String distDir = System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY);
        assertThat(distDir).as("system property " + StandaloneClusterScriptsIT.DIST_DIR_PROPERTY).isNotBlank();
        dist = Path.of(distDir);
        assumeThat(Path.of("/proc/self/cmdline")).as("a Linux /proc to check processes by pid").exists();
        sandboxDir = dir.resolve("sandbox");
        Run start = script(Map.of(), "weft-sandbox", "start", "--dir", sandboxDir.toString());
        assertThat(start.exitCode()).as(() -> start + log()).isZero();
        hadoopEnv = Map.of("HADOOP_CONF_DIR", sandboxDir.resolve("conf").toString());
    }

    @AfterAll
    static void stopSandbox() throws IOException, InterruptedException {
        if (sandboxDir == null) {
            return;
        }
        try {
            script(Map.of(), "weft-sandbox", "stop", "--dir", sandboxDir.toString());
        } finally {
            long pid = pid();
            if (pid > 0 && runs(pid)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void whenNoHadoopConfDir_thenOneLineNamingBothVariablesAndExit2() throws Exception {
        Run run = script(Map.of(), "weft", "run", "-t", "yarn-per-job", examples(), "--input", "/in", "--output",
                "/out");

        assertOneLine(run, 2, "Neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set");
    }

    @Test
    void whenQueueIsUnknown_thenOneLineNamingItAndTheKnownQueues_andNothingIsLeftBehind() throws Exception {
        List<String> before = applications();

        Run run = script(hadoopEnv, "weft", "run", "-t", "yarn-per-job", "-D", "yarn.application.queue=nightly",
                examples(), "--input", "/in", "--output", "/out");

        assertOneLine(run, 2, "The YARN queue 'nightly' (yarn.application.queue) does not exist");
        assertThat(run.err()).contains("queues are: default");
        assertNothingLeftBehind(before);
    }

    @Test
    void whenTaskManagerExceedsTheLargestContainer_thenOneLineNamingKeyAndLimit() throws Exception {
        List<String> before = applications();

        Run run = script(hadoopEnv, "weft", "run", "-t", "yarn-per-job", "-D", "taskmanager.memory.process.size=20g",
                examples(), "--input", "/in", "--output", "/out");

        assertOneLine(run, 2, "taskmanager.memory.process.size is 20480 MB, more than the");
        assertThat(run.err()).contains("yarn.scheduler.maximum-allocation-mb");
        assertNothingLeftBehind(before);
    }

    @Test
    void whenJobJarIsMissing_thenExit2() throws Exception {
        Run perJob = script(hadoopEnv, "weft", "run", "-t", "yarn-per-job", dir.resolve("missing.jar").toString());
        assertOneLine(perJob, 2, "missing.jar does not exist");

        Run application = script(hadoopEnv, "weft", "run", "-t", "yarn-application",
                dir.resolve("missing.jar").toString());
        assertOneLine(application, 2, "missing.jar does not exist");
    }

    @Test
    void whenRunThroughYarnJar_thenTheSameChecksApply() throws Exception {
        Run run = script(hadoopEnv, "yarn", "jar", dist.resolve("lib/weft-dist.jar").toString(), "run", "-t",
                "yarn-per-job", "-D", "yarn.application.queue=nightly", examples(), "--input", "/in", "--output",
                "/out");

        assertOneLine(run, 2, "The YARN queue 'nightly' (yarn.application.queue) does not exist");
    }

    @Test
    void yarnSessionScript_refusesBadInputInOneLine() throws Exception {
        Run unknown = script(hadoopEnv, "yarn-session.sh", "restart");
        assertOneLine(unknown, 2, "Unknown command 'restart'");

        Run queue = script(hadoopEnv, "yarn-session.sh", "-d", "-qu", "nightly");
        assertOneLine(queue, 2, "The YARN queue 'nightly' (yarn.application.queue) does not exist");

        Run noSession = script(hadoopEnv, "yarn-session.sh", "-D",
                "yarn.properties-file.location=" + dir.resolve("none"), "stop");
        assertOneLine(noSession, 2, "No YARN session given");

        Run list = script(hadoopEnv, "weft", "list", "-t", "yarn-session", "-id", "application_1_0001");
        assertThat(list.exitCode()).as(list::toString).isEqualTo(2);
        assertThat(list.errLines()).as(list::toString).hasSize(1).first().asString()
                .contains("application_1_0001");
    }

    private static void assertOneLine(Run run, int exitCode, String expected) {
        assertThat(run.exitCode()).as(run::toString).isEqualTo(exitCode);
        assertThat(run.errLines()).as(run::toString).hasSize(1).first().asString().contains(expected);
        assertThat(run.err()).as(run::toString).doesNotContain("\tat ");
    }

    /** No application beyond {@code before} and no staging directory in the user's home. */
    private static void assertNothingLeftBehind(List<String> before) throws IOException, InterruptedException {
        assertThat(applications()).containsExactlyInAnyOrderElementsOf(before);
        Run ls = script(hadoopEnv, "hdfs", "dfs", "-ls", "-R", "/user");
        assertThat(ls.out()).as(ls::toString).doesNotContain("/.weft/application_");
    }

    private static List<String> applications() throws IOException, InterruptedException {
        Run list = script(hadoopEnv, "yarn", "application", "-list", "-appStates", "ALL");
        assertThat(list.exitCode()).as(list::toString).isZero();
        List<String> ids = new ArrayList<>();
        Matcher m = APPLICATION.matcher(list.out());
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static String examples() {
        return dist.resolve("examples/weft-examples.jar").toString();
    }

    private static Run script(Map<String, String> extraEnv, String name, String... args)
            throws IOException, InterruptedException {
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
        env.putAll(new HashMap<>(extraEnv));
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not end within %s%s", command, SCRIPT_TIMEOUT, log());
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static long pid() {
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

    private static String log() {
        try {
            List<String> lines = Files.readAllLines(sandboxDir.resolve("sandbox.log"));
            return "\n--- end of sandbox.log ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(no sandbox.log: " + e + ")";
        }
    }
}
