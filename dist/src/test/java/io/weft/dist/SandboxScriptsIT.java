package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/weft-sandbox}, {@code bin/hdfs} and {@code bin/yarn} of the laid-out distribution ({@code target/weft/},
 * system property {@value StandaloneClusterScriptsIT#DIST_DIR_PROPERTY}) as users run them: the sandbox starts in
 * the background, HDFS and YARN answer Hadoop's own command-line classes, {@code yarn logs} shows the aggregated
 * logs of an ended application, and {@code stop} leaves no process.
 *
 * <p>Runs in the {@code integration-test} phase of the dist module, after the distribution is laid out. The sandbox
 * directory is a temporary one and every service binds to 127.0.0.1; {@link #killLeftovers()} kills, by pid, a
 * sandbox a failed test left behind.
 */
class SandboxScriptsIT {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(150);
    private static final String ECHO_MARKER = "weft-sandbox-log-check";

    @TempDir
    Path dir;
    private Path dist;
    private Path sandboxDir;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void layOut() throws IOException {
        String distDir = System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY);
        assertThat(distDir).as("system property " + StandaloneClusterScriptsIT.DIST_DIR_PROPERTY).isNotBlank();
        dist = Path.of(distDir);
        assertThat(dist.resolve("bin/weft-sandbox")).isExecutable();
        assumeThat(Path.of("/proc/self/cmdline")).as("a Linux /proc to check processes by pid").exists();
        sandboxDir = dir.resolve("sandbox");
    }

    @AfterEach
    void killLeftovers() {
        long pid = pid();
        if (pid > 0 && runs(pid)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void start_servesHdfsAndYarnThroughHadoopsCommands_andStopLeavesNoProcess() throws Exception {
        Run start = script("weft-sandbox", "start", "--dir", sandboxDir.toString());
        assertThat(start.exitCode()).as(() -> start + log()).isZero();
        Path confDir = sandboxDir.resolve("conf");
        assertThat(start.out().lines()).as(() -> start + log()).containsExactly("export HADOOP_CONF_DIR=" + confDir);
        long pid = pid();
        assertThat(runs(pid)).as("sandbox pid %d runs", pid).isTrue();
        assertThat(confDir.resolve("yarn-site.xml")).content().contains("yarn.log-aggregation-enable");
        Map<String, String> env = Map.of("HADOOP_CONF_DIR", confDir.toString());

        Path words = Files.writeString(dir.resolve("words.txt"), "To be, or not to be\n");
        Run put = script(env, "hdfs", "dfs", "-put", words.toString(), "/words.txt");
        assertThat(put.exitCode()).as(() -> put + log()).isZero();
        Run cat = script(env, "hdfs", "dfs", "-cat", "/words.txt");
        assertThat(cat.exitCode()).as(() -> cat + log()).isZero();
        assertThat(cat.out()).isEqualTo("To be, or not to be\n");
        Run applications = script(env, "yarn", "application", "-list");
        assertThat(applications.exitCode()).as(() -> applications + log()).isZero();
        assertThat(applications.out()).contains("Total number of applications");
        Run nodes = script(env, "yarn", "node", "-list");
        assertThat(nodes.exitCode()).as(() -> nodes + log()).isZero();
        assertThat(nodes.out()).contains("Total Nodes:2");

        ApplicationId echo = runEchoApplication(confDir);
        Run logs = awaitLogs(env, echo);
        assertThat(logs.out()).contains("LogAggregationType: AGGREGATED").contains(ECHO_MARKER);

        Run running = script("weft-sandbox", "status", "--dir", sandboxDir.toString());
        assertThat(running.exitCode()).as(running::toString).isZero();
        assertThat(running.out()).contains("is running (pid " + pid).contains("hdfs://localhost:")
                .contains("127.0.0.1:");

        Run stop = script("weft-sandbox", "stop", "--dir", sandboxDir.toString());
        assertThat(stop.exitCode()).as(() -> stop + log()).isZero();
        assertThat(stop.out()).startsWith("Stopped the sandbox (pid " + pid + ")");
        assertThat(runs(pid)).as("sandbox pid %d runs after stop", pid).isFalse();
        assertThat(sandboxDir.resolve("sandbox.pid")).doesNotExist();
        assertThat(sandboxDir.resolve("READY")).doesNotExist();
        assertThat(log()).contains("Sandbox stopped in").doesNotContain("Could not stop");

        Run stopped = script("weft-sandbox", "status", "--dir", sandboxDir.toString());
        assertThat(stopped.exitCode()).as(stopped::toString).isEqualTo(3);
        assertThat(stopped.out()).contains("is not running");
    }

    @Test
    void badUsage_isOneLineAndExitCode2() throws Exception {
        Run command = script("weft-sandbox", "restart");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err().lines()).containsExactly(
                "weft-sandbox: Unknown command 'restart'. Usage: weft-sandbox start|stop|status [--dir DIR]");
        Path file = Files.writeString(dir.resolve("not-a-dir"), "");
        Run notADir = script("weft-sandbox", "start", "--dir", file.toString());
        assertThat(notADir.exitCode()).isEqualTo(2);
        assertThat(notADir.err().lines()).hasSize(1).first().asString().contains("Cannot create");
        Run noConf = script("yarn", "application", "-list");
        assertThat(noConf.exitCode()).isEqualTo(2);
        assertThat(noConf.err().lines()).hasSize(1).first().asString().contains("HADOOP_CONF_DIR is not set");
    }

    /**
     * Submits an application whose AM container only echoes {@link #ECHO_MARKER} to its stdout (it never registers,
     * so the application ends FAILED after its one attempt) and waits until it has ended.
     */
    private static ApplicationId runEchoApplication(Path confDir) throws Exception {
        YarnConfiguration conf = new YarnConfiguration();
        conf.addResource(confDir.resolve("core-site.xml").toUri().toURL());
        conf.addResource(confDir.resolve("yarn-site.xml").toUri().toURL());
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(conf);
            yarn.start();
            ApplicationSubmissionContext context = yarn.createApplication().getApplicationSubmissionContext();
            context.setApplicationName("sandbox-echo");
            context.setQueue("default");
            context.setMaxAppAttempts(1);
            context.setResource(Resource.newInstance(128, 1));
            context.setAMContainerSpec(ContainerLaunchContext.newInstance(Map.of(), Map.of(),
                    List.of("echo " + ECHO_MARKER + " 1><LOG_DIR>/stdout 2><LOG_DIR>/stderr"), null, null, null));
            ApplicationId id = yarn.submitApplication(context);
            EnumSet<YarnApplicationState> ended = EnumSet.of(YarnApplicationState.FINISHED,
                    YarnApplicationState.FAILED, YarnApplicationState.KILLED);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            YarnApplicationState state = yarn.getApplicationReport(id).getYarnApplicationState();
            while (!ended.contains(state)) {
                if (System.nanoTime() > deadline) {
                    fail("application %s did not end within 60 s: %s", id, state);
                }
                Thread.sleep(200);
                state = yarn.getApplicationReport(id).getYarnApplicationState();
            }
            return id;
        }
    }

    /** {@code yarn logs -applicationId ID}, repeated until the aggregated logs hold the echo (bounded). */
    private Run awaitLogs(Map<String, String> env, ApplicationId id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Run logs = script(env, "yarn", "logs", "-applicationId", id.toString());
            if (logs.exitCode() == 0 && logs.out().contains(ECHO_MARKER)) {
                return logs;
            }
            if (System.nanoTime() > deadline) {
                fail("yarn logs showed no aggregated logs of %s within 60 s: %s%s", id, logs, log());
            }
            Thread.sleep(1000);
        }
    }

    private Run script(String name, String... args) throws IOException, InterruptedException {
        return script(Map.of(), name, args);
    }

    private Run script(Map<String, String> extraEnv, String name, String... args)
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
        env.put("HADOOP_CLIENT_OPTS", "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        env.putAll(extraEnv);
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not end within %s%s", command, SCRIPT_TIMEOUT, log());
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private long pid() {
        return SandboxProcess.pid(sandboxDir);
    }

    private static boolean runs(long pid) {
        return SandboxProcess.runs(pid);
    }

    private String log() {
        return SandboxProcess.logTail(sandboxDir);
    }
}
