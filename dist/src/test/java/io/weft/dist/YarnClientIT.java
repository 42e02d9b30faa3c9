package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.dist.YarnSandbox.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The YARN client of the laid-out distribution against the real sandbox (started once for the class): bad input
 * through {@code bin/weft run -t yarn-per-job}, {@code yarn jar lib/weft-dist.jar} and {@code bin/yarn-session.sh}
 * is one line with exit code 2, and leaves no application and no staging directory behind.
 *
 * <p>Runs in the {@code integration-test} phase of the dist module; the sandbox binds to 127.0.0.1.
 */
class YarnClientIT extends YarnSandboxTest {
    @Test
    void whenNoHadoopConfDir_thenOneLineNamingBothVariablesAndExit2() throws Exception {
        Run run = sandbox.script(Map.of(), "weft", "run", "-t", "yarn-per-job", examples(), "--input", "/in",
                "--output", "/out");

        assertOneLine(run, 2, "Neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set");
    }

    @Test
    void whenQueueIsUnknown_thenOneLineNamingItAndTheKnownQueues_andNothingIsLeftBehind() throws Exception {
        List<String> before = sandbox.applications();

        Run run = sandbox.run("weft", "run", "-t", "yarn-per-job", "-D", "yarn.application.queue=nightly",
                examples(), "--input", "/in", "--output", "/out");

        assertOneLine(run, 2, "The YARN queue 'nightly' (yarn.application.queue) does not exist");
        assertThat(run.err()).contains("queues are: default");
        assertNothingLeftBehind(before);
    }

    @Test
    void whenTaskManagerExceedsTheLargestContainer_thenOneLineNamingKeyAndLimit() throws Exception {
        List<String> before = sandbox.applications();

        Run run = sandbox.run("weft", "run", "-t", "yarn-per-job", "-D", "taskmanager.memory.process.size=20g",
                examples(), "--input", "/in", "--output", "/out");

        assertOneLine(run, 2, "taskmanager.memory.process.size is 20480 MB, more than the");
        assertThat(run.err()).contains("yarn.scheduler.maximum-allocation-mb");
        assertNothingLeftBehind(before);
    }

    @Test
    void whenJobJarIsMissing_thenExit2() throws Exception {
        Run perJob = sandbox.run("weft", "run", "-t", "yarn-per-job", dir.resolve("missing.jar").toString());
        assertOneLine(perJob, 2, "missing.jar does not exist");

        Run application = sandbox.run("weft", "run", "-t", "yarn-application", dir.resolve("missing.jar").toString());
        assertOneLine(application, 2, "missing.jar does not exist");
    }

    @Test
    void whenRunThroughYarnJar_thenTheSameChecksApply() throws Exception {
        Run run = sandbox.run("yarn", "jar", sandbox.dist().resolve("lib/weft-dist.jar").toString(), "run", "-t",
                "yarn-per-job", "-D", "yarn.application.queue=nightly", examples(), "--input", "/in", "--output",
                "/out");

        assertOneLine(run, 2, "The YARN queue 'nightly' (yarn.application.queue) does not exist");
    }

    @Test
    void yarnSessionScript_refusesBadInputInOneLine() throws Exception {
        Run unknown = sandbox.run("yarn-session.sh", "restart");
        assertOneLine(unknown, 2, "Unknown command 'restart'");

        Run queue = sandbox.run("yarn-session.sh", "-d", "-qu", "nightly");
        assertOneLine(queue, 2, "The YARN queue 'nightly' (yarn.application.queue) does not exist");

        Run noSession = sandbox.run("yarn-session.sh", "-D", "yarn.properties-file.location=" + dir.resolve("none"),
                "stop");
        assertOneLine(noSession, 2, "No YARN session given");

        Run list = sandbox.run("weft", "list", "-t", "yarn-session", "-id", "application_1_0001");
        assertOneLine(list, 2, "application_1_0001");
    }

    private static void assertOneLine(Run run, int exitCode, String expected) {
        assertThat(run.exitCode()).as(run::toString).isEqualTo(exitCode);
        assertThat(run.errLines()).as(run::toString).hasSize(1).first().asString().contains(expected);
        assertThat(run.err()).as(run::toString).doesNotContain("\tat ");
    }

    /** No application beyond {@code before} and no staging directory. */
    private static void assertNothingLeftBehind(List<String> before) throws Exception {
        assertThat(sandbox.applications()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(sandbox.stagingDirectories()).isEmpty();
    }

    private static String examples() {
        return sandbox.examples();
    }
}
