package io.weft.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.JobID;

import io.weft.client.local.EmbeddedCluster;
import io.weft.config.Configuration;
import io.weft.config.MemorySize;
import io.weft.config.RestOptions;
import io.weft.config.TaskManagerOptions;
import io.weft.jobmanager.program.PlanCaptureJarRunner;
import io.weft.jobmanager.rest.RestEndpoint;
import io.weft.runtime.rpc.ClusterSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft run -t remote}, {@code list}, {@code status} and {@code cancel} against a cluster reached only
 * through its REST endpoint: the jar is uploaded and its program re-run on the JobManager.
 */
class RemoteClusterCliTest {
    private static final String JOB = """
            package demo;
            import io.weft.api.connector.Boundedness;
            import io.weft.api.connector.DiscardingSink;
            import io.weft.api.connector.InputStatus;
            import io.weft.api.connector.Source;
            import io.weft.api.connector.SourceReader;
            import io.weft.api.datastream.StreamExecutionEnvironment;
            /** args[0]: "ok", "fail" or "forever". */
            public class Remote {
                public static void main(String[] args) throws Exception {
                    String mode = args[0];
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    Source<Long> source = new Source<>() {
                        public Boundedness getBoundedness() {
                            return mode.equals("forever") ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
                        }
                        public SourceReader<Long> createReader(io.weft.api.connector.SourceReaderContext c) {
                            return new SourceReader<>() {
                                long next;
                                public InputStatus pollNext(io.weft.api.connector.ReaderOutput<Long> out)
                                        throws Exception {
                                    if (mode.equals("forever")) {
                                        Thread.sleep(5);
                                    }
                                    out.collect(next++);
                                    return mode.equals("forever") || next < 1000 ? InputStatus.MORE_AVAILABLE
                                            : InputStatus.END_OF_INPUT;
                                }
                            };
                        }
                    };
                    env.fromSource(source, "Numbers").map(x -> {
                        if (mode.equals("fail") && x == 500) {
                            throw new IllegalStateException("number 500 is not welcome");
                        }
                        return x;
                    }).sinkTo(new DiscardingSink<>());
                    env.execute("remote " + mode);
                }
            }
            """;

    @TempDir
    static Path dir;
    private static Path jar;
    private static EmbeddedCluster cluster;
    private static PlanCaptureJarRunner runner;
    private static RestEndpoint rest;
    private static String address;
    private static ClusterSecret secret;

    @BeforeAll
    static void start() throws IOException {
        jar = TestJars.jar(TestJars.compile(dir, Map.of("demo.Remote", JOB)), dir.resolve("remote.jar"),
                "demo.Remote");
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_TASK_SLOTS, 4).set(RestOptions.PORT, 0);
        cluster = new EmbeddedCluster(1, conf);
        runner = new PlanCaptureJarRunner(cluster.dispatcher(), new Configuration());
        secret = ClusterSecret.generate();
        secret.writeTo(dir.resolve("cluster.secret"));
        Files.writeString(Files.createDirectories(dir.resolve("conf")).resolve("weft-conf.yaml"),
                "security.cluster-secret.file: " + dir.resolve("cluster.secret") + "\n");
        rest = RestEndpoint.start(conf, secret, cluster.dispatcher(), cluster.resourceManager(), runner);
        address = "127.0.0.1:" + rest.port();
    }

    @AfterAll
    static void stop() {
        rest.close();
        runner.close();
        cluster.close();
    }

    /** The CLI with the cluster's secret file named in its configuration, as the cluster scripts arrange. */
    private static CliResult weft(String... args) throws IOException {
        return CliResult.of(Map.of("WEFT_CONF_DIR", dir.resolve("conf").toString(), "WEFT_PID_DIR",
                dir.toString()), args);
    }

    /** The CLI of a user who cannot read the cluster's secret. */
    private static CliResult stranger(String... args) throws IOException {
        return CliResult.of(Map.of("WEFT_CONF_DIR", CliResult.confDir(dir.resolve("no-conf")),
                "WEFT_PID_DIR", dir.resolve("no-conf").toString()), args);
    }

    @Test
    void withoutTheClusterSecret_runAndCancelAreRefusedInOneLineExitTwo_butReadingWorks() throws IOException {
        CliResult run = stranger("run", "-m", address, jar.toString(), "ok");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1).first().asString().contains("needs the cluster's REST token")
                .contains("security.cluster-secret.file").contains("WEFT_CLUSTER_SECRET");
        CliResult cancel = stranger("cancel", "0123456789abcdef0123456789abcdef", "-m", address);
        assertThat(cancel.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cancel.errLines()).hasSize(1).first().asString().contains("REST token");
        assertThat(stranger("list", "-a", "-m", address).exitCode()).isEqualTo(ExitCode.SUCCESS);
    }

    @Test
    void withAnotherClustersSecret_theTokenIsRefusedInOneLine() throws IOException {
        CliResult r = CliResult.of(Map.of("WEFT_CONF_DIR", CliResult.confDir(dir.resolve("no-conf")),
                ClusterSecret.ENV_VARIABLE, ClusterSecret.generate().toBase64()),
                "run", "-m", address, jar.toString(), "ok");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).hasSize(1).first().asString().contains("refused this client's REST token");
    }

    @Test
    void attachedRunFollowsTheJobToFinished() throws IOException {
        CliResult r = weft("run", "-t", "remote", "-m", address, "-p", "2", jar.toString(), "ok");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).hasSize(2);
        assertThat(r.outLines().get(1)).matches("Job [0-9a-f]{32} FINISHED");
        // the CLI deletes its upload once the cluster runs it: nothing piles up in the upload directory
        try (Stream<Path> left = Files.list(rest.jarDirectory())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void jarOverTheClustersLimit_isExitTwoWithOneLineNamingTheKey() throws IOException {
        Configuration small = new Configuration().set(RestOptions.PORT, 0)
                .set(RestOptions.SERVER_MAX_CONTENT_LENGTH, MemorySize.parse("1kb"));
        try (RestEndpoint limited = RestEndpoint.start(small, secret, cluster.dispatcher(), cluster.resourceManager(),
                runner)) {
            CliResult r = weft("run", "-m", "127.0.0.1:" + limited.port(), jar.toString(), "ok");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.errLines().get(0)).as(r.toString()).contains("larger than the limit of 1024 bytes")
                    .contains("rest.server.max-content-length");
            try (Stream<Path> left = Files.list(limited.jarDirectory())) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void attachedRunOfAFailingJobIsExitOneWithTheUsersMessage() throws IOException {
        CliResult r = weft("run", "-m", address, jar.toString(), "fail");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.outLines()).as(r.toString()).hasSize(3);
        assertThat(r.outLines().get(1)).matches("Job [0-9a-f]{32} FAILED");
        assertThat(r.outLines().get(2)).isEqualTo("Cause: number 500 is not welcome");
    }

    @Test
    void detachedRunThenListStatusAndCancel() throws Exception {
        CliResult run = weft("run", "-t", "remote", "-d", "-m", address, jar.toString(), "forever");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String id = run.outLines().get(0).split(" ")[1];

        CliResult list = weft("list", "-m", address);
        assertThat(list.outLines()).as(list.toString()).anyMatch(l -> l.startsWith(id + " "));
        CliResult status = weft("status", id, "-m", address);
        assertThat(status.exitCode()).isZero();
        assertThat(status.outLines().get(0)).startsWith("Job " + id + " ");

        CliResult cancel = weft("cancel", id, "-m", address);
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline && !last.endsWith("CANCELED")) {
            last = weft("status", id, "-m", address).outLines().get(0);
            Thread.sleep(50);
        }
        assertThat(last).isEqualTo("Job " + id + " CANCELED");
        assertThat(weft("list", "-m", address).outLines()).noneMatch(l -> l.startsWith(id));
        assertThat(weft("list", "-a", "-m", address).outLines()).contains(id + " CANCELED");
    }

    @Test
    void statusOfAnUnknownJobIsExitOne() throws IOException {
        CliResult r = weft("status", "0123456789abcdef0123456789abcdef", "-m", address);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void aClusterSettingWithDIsRefusedForARemoteClusterNamingTheKey() throws IOException {
        CliResult r = weft("run", "-m", address, "-D", "taskmanager.numberOfTaskSlots=8", jar.toString(), "ok");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).hasSize(1).first().asString().contains("'taskmanager.numberOfTaskSlots'")
                .contains("is a cluster setting").contains("-D");
        CliResult p = weft("run", "-m", address, "-D", "parallelism.default=2", jar.toString(), "ok");
        assertThat(p.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(p.errLines()).hasSize(1).first().asString().contains("'parallelism.default'").contains("-p");
    }

    @Test
    void aJobLevelSettingWithDGoesWithTheJobToARemoteCluster() throws Exception {
        CliResult r = weft("run", "-m", address, "-D", "restart-strategy.type=none", "-D",
                "security.cluster-secret.file=" + dir.resolve("cluster.secret"), jar.toString(), "fail");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.outLines().get(2)).isEqualTo("Cause: number 500 is not welcome");
        JobID id = JobID.fromHexString(r.outLines().get(0).split(" ")[1]);
        // one attempt: the job's own restart-strategy.type=none, not the default's three restarts
        assertThat(cluster.dispatcher().requestJobExceptions(id).get(30, TimeUnit.SECONDS).attemptFailures())
                .hasSize(1);
    }
}
