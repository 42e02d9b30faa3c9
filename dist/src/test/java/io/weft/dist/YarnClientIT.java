package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the YARN client of the laid-out distribution, against the shared sandbox: through
 * {@code bin/weft run -t yarn-per-job|yarn-application}, {@code yarn jar lib/weft-dist.jar} and
 * {@code bin/yarn-session.sh} it is one line with exit code 2, checked before anything is uploaded, so that no
 * application and no staging directory is left behind.
 */
@ExtendWith(SandboxExtension.class)
class YarnClientIT {
    @TempDir
    static Path dir;
    private static DistScripts scripts;
    private static DistScripts noHadoop;

    /** An input that exists, so that the client's check of the program passes and the cluster checks run. */
    private static final String INPUT = "/yarn-client-it/words.txt";

    @BeforeAll
    static void prepare(SandboxExtension.Sandbox sandbox) throws Exception {
        scripts = new DistScripts(dir, sandbox.env());
        noHadoop = new DistScripts(dir, Map.of());
        Path words = java.nio.file.Files.writeString(dir.resolve("words.txt"), "to be or not to be\n");
        assertThat(scripts.run("hdfs", "dfs", "-mkdir", "-p", "/yarn-client-it").exitCode()).isZero();
        assertThat(scripts.run("hdfs", "dfs", "-put", "-f", words.toString(), INPUT).exitCode()).isZero();
    }

    @Test
    void whenNoHadoopConfDir_thenOneLineNamingBothVariablesAndExit2() throws Exception {
        DistScripts.Run run = noHadoop.run("weft", "run", "-t", "yarn-per-job", examples(), "--input", "/in",
                "--output", "/out");

        assertOneLine(run, "Neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set");
    }

    @Test
    void whenQueueIsUnknown_thenOneLineNamingItAndTheKnownQueues_andNothingIsLeftBehind() throws Exception {
        List<String> before = applications();

        DistScripts.Run run = scripts.run("weft", "run", "-t", "yarn-per-job", "-D",
                "yarn.application.queue=nightly", examples(), "--input", INPUT, "--output", "/out");

        assertOneLine(run, "The YARN queue 'nightly' (yarn.application.queue) does not exist");
        assertThat(run.err()).contains("queues are: default");
        assertNothingLeftBehind(before);
    }

    @Test
    void whenTaskManagerExceedsTheLargestContainer_thenOneLineNamingKeyAndLimit() throws Exception {
        List<String> before = applications();

        DistScripts.Run run = scripts.run("weft", "run", "-t", "yarn-per-job", "-D",
                "taskmanager.memory.process.size=20g", examples(), "--input", INPUT, "--output", "/out");

        assertOneLine(run, "taskmanager.memory.process.size is 20480 MB, more than the");
        assertThat(run.err()).contains("yarn.scheduler.maximum-allocation-mb");
        assertNothingLeftBehind(before);
    }

    @Test
    void whenJobJarIsMissing_thenExit2() throws Exception {
        String missing = dir.resolve("missing.jar").toString();

        assertOneLine(scripts.run("weft", "run", "-t", "yarn-per-job", missing), "missing.jar does not exist");
        assertOneLine(scripts.run("weft", "run", "-t", "yarn-application", missing), "missing.jar does not exist");
    }

    @Test
    void whenRunThroughYarnJar_thenTheSameChecksApply() throws Exception {
        DistScripts.Run run = scripts.run("yarn", "jar", scripts.dist().resolve("lib/weft-dist.jar").toString(),
                "run", "-t", "yarn-per-job", "-D", "yarn.application.queue=nightly", examples(), "--input", INPUT,
                "--output", "/out");

        assertOneLine(run, "The YARN queue 'nightly' (yarn.application.queue) does not exist");
    }

    @Test
    void yarnSessionScript_refusesBadInputInOneLine() throws Exception {
        assertOneLine(scripts.run("yarn-session.sh", "restart"), "Unknown command 'restart'");
        assertOneLine(scripts.run("yarn-session.sh", "-d", "-qu", "nightly"),
                "The YARN queue 'nightly' (yarn.application.queue) does not exist");
        assertOneLine(scripts.run("yarn-session.sh", "-D", "yarn.properties-file.location=" + dir.resolve("none"),
                "stop"), "No YARN session given");
        assertOneLine(scripts.run("weft", "list", "-t", "yarn-session", "-id", "application_1_0001"),
                "application_1_0001");
    }

    private static void assertOneLine(DistScripts.Run run, String expected) {
        assertThat(run.exitCode()).as(run::toString).isEqualTo(2);
        assertThat(run.errLines()).as(run::toString).hasSize(1).first().asString().contains(expected);
        assertThat(run.err()).as(run::toString).doesNotContain("\tat ");
    }

    /**
     * No application beyond {@code before}, so no staging directory of a new one (the sandbox is shared: other
     * classes' applications may hold theirs).
     */
    private static void assertNothingLeftBehind(List<String> before) throws IOException, InterruptedException {
        List<String> now = applications();
        assertThat(now).containsExactlyInAnyOrderElementsOf(before);
        String staging = YarnJobsIT.stagingDirectories(scripts);
        Matcher m = YarnJobsIT.APPLICATION.matcher(staging);
        while (m.find()) {
            assertThat(before).as("staging directory of %s in%n%s", m.group(), staging).contains(m.group());
        }
    }

    private static List<String> applications() throws IOException, InterruptedException {
        DistScripts.Run list = scripts.run("yarn", "application", "-list", "-appStates", "ALL");
        assertThat(list.exitCode()).as(list::toString).isZero();
        List<String> ids = new ArrayList<>();
        Matcher m = YarnJobsIT.APPLICATION.matcher(list.out());
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static String examples() {
        return scripts.dist().resolve("examples/weft-examples.jar").toString();
    }
}
