package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.REMOTE;
import static io.weft.dist.BadInput.Target.YARN;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.dist.jobs.FailingJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bad-input cases of point 8: configuration values, WEFT_CONF_DIR, the scripts and the -m address; of issue 9's point
 * 9: {@code -D} on a remote run, refused for a cluster setting and applied to the job for a job-level key.
 * Stateless.
 */
final class ConfigCases {
    private ConfigCases() {
    }

    static Stream<BadInput> cases() {
        return Stream.of(
                BadInput.on(LOCAL, "8", "-t yarn-session without HADOOP_CONF_DIR")
                        .run(c -> List.of("weft", "cancel", "0123456789abcdef0123456789abcdef", "-t",
                                "yarn-session"))
                        .exits(2).says("HADOOP_CONF_DIR", "YARN_CONF_DIR"),
                BadInput.on(LOCAL, "8", "taskmanager.sh with an unknown verb")
                        .run(c -> List.of("taskmanager.sh", "restart"))
                        .exits(2).says("Usage: taskmanager.sh start|stop|stop-all"),
                BadInput.on(LOCAL, "8", "a port out of range")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .given(c -> c.conf("rest.port: 99999"))
                        .run(c -> List.of("weft", "run", c.examplesJar(), "--input", c.path("in.txt"), "--output",
                                c.path("out")))
                        .exits(2).says("'99999'", "rest.port", "a port from 0 to 65535").leavesNo("out"),
                BadInput.on(YARN, "8", "zero application attempts")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .given(c -> c.conf("yarn.application-attempts: 0"))
                        .run(c -> List.of("weft", "run", "-t", "yarn-per-job", c.examplesJar(), "--input",
                                c.path("in.txt"), "--output", c.path("out")))
                        .exits(2).says("yarn.application-attempts", "at least 1").leavesNo("out"),
                BadInput.on(LOCAL, "8", "-m with an unknown host")
                        .run(c -> List.of("weft", "list", "-m", "no-such-host.invalid:8081"))
                        .exits(3).says("unknown host 'no-such-host.invalid'"),
                BadInput.on(REMOTE, "8", "-m at the JobManager's RPC port")
                        .run(c -> List.of("weft", "list", "-m", "127.0.0.1:" + c.confValue("jobmanager.rpc.port")))
                        .exits(3).says("does not answer HTTP", "rest.port"),
                BadInput.on(LOCAL, "8", "a malformed -m")
                        .run(c -> List.of("weft", "list", "-m", "localhost"))
                        .exits(2).says("'localhost' is not HOST:PORT"),
                BadInput.on(LOCAL, "8", "WEFT_CONF_DIR naming a file")
                        .given(c -> c.env("WEFT_CONF_DIR", c.confDir().resolve("weft-conf.yaml").toString()))
                        .run(c -> List.of("weft", "list"))
                        .exits(2).says("WEFT_CONF_DIR", "is a file, not a directory"),
                BadInput.on(LOCAL, "8", "WEFT_CONF_DIR naming a directory without weft-conf.yaml")
                        .given(c -> c.env("WEFT_CONF_DIR", c.path("empty")))
                        .given(c -> Files.createDirectories(c.dir().resolve("empty")))
                        .run(c -> List.of("weft", "list"))
                        .exits(2).says("WEFT_CONF_DIR", "has no weft-conf.yaml"),
                BadInput.on(REMOTE, "9", "a cluster-level -D on a remote run")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .run(c -> List.of("weft", "run", "-m", c.rest(), "-D", "taskmanager.numberOfTaskSlots=8",
                                c.examplesJar(), "--input", c.path("in.txt"), "--output", c.path("out")))
                        .exits(2).says("'taskmanager.numberOfTaskSlots'", "is a cluster setting", "weft-conf.yaml")
                        .leavesNo("out"),
                BadInput.on(REMOTE, "9", "a job-level -D on a remote run applies to that job")
                        .run(c -> List.of("weft", "run", "-m", c.rest(), "-D", "restart-strategy.type=none", "-c",
                                FailingJob.class.getName(), c.jobsJar()))
                        .jobFails().exits(1).says(FailingJob.MESSAGE)
                        .then((c, run) -> assertThat(failedAttempts(c, run)).as("attempts without a restart")
                                .isEqualTo(1))
                        .timeout(Duration.ofSeconds(60)));
    }

    /** How many attempts of the job that {@code run} submitted failed ({@code GET /jobs/:jobid/exceptions}). */
    private static int failedAttempts(BadInputContext c, DistScripts.Run run) throws Exception {
        Matcher m = Pattern.compile("Job ([0-9a-f]{32}) submitted").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + c.rest() + "/jobs/" + m.group(1) + "/exceptions")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body()).get("all-exceptions").size();
    }
}
