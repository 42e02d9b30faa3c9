package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.dist.YarnSandbox.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A YARN session on the sandbox, end to end: started detached by {@code yarn-session.sh}, found through the YARN
 * properties file by {@code weft run -t yarn-session}, listed by {@code weft list -t yarn-session -id}, and stopped
 * by {@code yarn-session.sh stop}, which removes the properties file; the application ends SUCCEEDED without
 * leaving its staging directory.
 *
 * <p>Runs in the {@code integration-test} phase of the dist module; the sandbox (started once for the class) binds
 * to 127.0.0.1.
 */
class YarnSessionIT extends YarnSandboxTest {
    @Test
    void session_runsJobsSubmittedToIt_andStopsOnRequest() throws Exception {
        String properties = "yarn.properties-file.location=" + dir.resolve("properties");
        List<String> args = new ArrayList<>(List.of("-d", "-nm", "it-session", "-s", "2", "-D", properties));
        args.addAll(YarnSandbox.SMALL_CONTAINERS);
        Run start = sandbox.run("yarn-session.sh", args.toArray(new String[0]));
        assertThat(start.exitCode()).as(() -> start + sandbox.log()).isZero();
        String application = YarnSandbox.applicationId(start);
        assertThat(start.out()).contains("YARN session " + application + " runs, its JobManager at http://");
        Path file = dir.resolve("properties").resolve(".yarn-properties-" + System.getProperty("user.name"));
        assertThat(file).content().contains("applicationID=" + application);

        Run job = sandbox.run("weft", "run", "-t", "yarn-session", "-D", properties, sandbox.examples(), "--input",
                "hdfs:///words.txt", "--output", "hdfs:///session-counts");
        assertThat(job.exitCode()).as(job::toString).isZero();
        assertThat(sandbox.lines("/session-counts")).containsExactlyElementsOf(WORD_COUNTS);
        Run list = sandbox.run("weft", "list", "-a", "-t", "yarn-session", "-id", application);
        assertThat(list.out()).as(list::toString).contains(YarnSandbox.jobId(job) + " FINISHED");

        Run stop = sandbox.run("yarn-session.sh", "-D", properties, "stop");
        assertThat(stop.exitCode()).as(stop::toString).isZero();
        assertThat(stop.out()).contains("Stopped the YARN session " + application);
        assertThat(file).doesNotExist();
        assertThat(sandbox.finalState(application)).endsWith("SUCCEEDED");
        assertThat(sandbox.stagingDirectories()).isEmpty();
    }
}
