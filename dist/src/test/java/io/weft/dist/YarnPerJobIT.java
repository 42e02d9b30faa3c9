package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.dist.YarnSandbox.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A per-job WordCount on the sandbox's YARN, end to end through {@code bin/weft run -t yarn-per-job}: it reads and
 * writes HDFS, prints the exact output, and its application ends SUCCEEDED without leaving its staging directory.
 *
 * <p>Runs in the {@code integration-test} phase of the dist module; the sandbox (started once for the class) binds
 * to 127.0.0.1.
 */
class YarnPerJobIT extends YarnSandboxTest {
    @Test
    void perJobWordCount_readsAndWritesHdfs_andEndsTheApplicationSucceeded() throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "-t", "yarn-per-job"));
        args.addAll(YarnSandbox.SMALL_CONTAINERS);
        args.addAll(List.of(sandbox.examples(), "--input", "hdfs:///words.txt", "--output", "hdfs:///counts"));

        Run run = sandbox.run("weft", args.toArray(new String[0]));

        assertThat(run.exitCode()).as(() -> run + sandbox.log()).isZero();
        assertThat(run.out()).contains("Job " + YarnSandbox.jobId(run) + " FINISHED");
        assertThat(sandbox.lines("/counts")).containsExactlyElementsOf(WORD_COUNTS);
        assertThat(sandbox.finalState(YarnSandbox.applicationId(run))).endsWith("SUCCEEDED");
        assertThat(sandbox.stagingDirectories()).isEmpty();
    }
}
