package io.weft.dist;

import static io.weft.dist.BadInput.Target.REMOTE;
import static io.weft.dist.BadInput.Target.YARN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/** Bad-input cases of point 4: authenticated REST. Stateless. */
final class AuthCases {
    private static final String JOB = "0123456789abcdef0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private AuthCases() {
    }

    static Stream<BadInput> cases() {
        return Stream.of(
                BadInput.on(REMOTE, "4", "cancel without a job id")
                        .run(c -> List.of("weft", "cancel", "-m", c.rest()))
                        .exits(2).says("JOB_ID", "weft cancel --help"),
                BadInput.on(REMOTE, "4", "run where the cluster secret cannot be found")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .given(c -> c.dropConf("cluster-secret").env("WEFT_PID_DIR", c.dir().toString()))
                        .run(c -> List.of("weft", "run", "-m", c.rest(), c.examplesJar(), "--input",
                                c.path("in.txt"), "--output", c.path("out")))
                        .exits(2).says("needs the cluster's REST token", "security.cluster-secret.file",
                                "WEFT_CLUSTER_SECRET")
                        .leavesNo("out")
                        .then((c, run) -> assertRefusedWithoutToken("http://" + c.rest())),
                BadInput.on(REMOTE, "4", "cancel with another cluster's secret")
                        .given(c -> c.env("WEFT_CLUSTER_SECRET", randomSecret()))
                        .run(c -> List.of("weft", "cancel", "-m", c.rest(), JOB))
                        .exits(2).says("refused this client's REST token", "WEFT_CLUSTER_SECRET"),
                BadInput.on(YARN, "4", "cancel in a YARN session with another cluster's secret")
                        .given(c -> c.env("WEFT_CLUSTER_SECRET", randomSecret()))
                        .run(c -> List.of("weft", "cancel", "-t", "yarn-session", "-id", c.session(), JOB))
                        .exits(2).says("refused this client's REST token")
                        .then((c, run) -> {
                            ApplicationReport report = c.sessionReport();
                            assertRefusedWithoutToken("http://" + report.getHost() + ":" + report.getRpcPort());
                            HttpResponse<String> proxied = send("GET",
                                    URI.create(c.proxyUrl(report)).resolve("overview").toString());
                            assertThat(proxied.statusCode()).as("GET through the tracking URL: %s", proxied.body())
                                    .isEqualTo(200);
                            assertThat(proxied.body()).contains("\"taskmanagers\"");
                            assertThat(c.sessionReport().getYarnApplicationState())
                                    .as("the session after the refused calls").isEqualTo(YarnApplicationState.RUNNING);
                        }));
    }

    /** Every call that changes state or runs code gets 401 with the hint; reading works. */
    private static void assertRefusedWithoutToken(String base) throws IOException, InterruptedException {
        for (String[] call : new String[][] {{"POST", "/jars/upload"}, {"POST", "/jars/some.jar/run"},
                {"DELETE", "/jars/some.jar"}, {"PATCH", "/jobs/" + JOB + "?mode=cancel"},
                {"PATCH", "/jobs/" + JOB + "?mode=stop"}, {"POST", "/jobs/" + JOB + "/savepoints"},
                {"POST", "/jobs/" + JOB + "/stop"}, {"DELETE", "/cluster"}}) {
            HttpResponse<String> r = send(call[0], base + call[1]);
            assertThat(r.statusCode()).as("%s %s: %s", call[0], call[1], r.body()).isEqualTo(401);
            assertThat(r.body()).contains("REST token");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"weft\"");
        }
        assertThat(send("GET", base + "/jobs").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh random cluster secret, as WEFT_CLUSTER_SECRET takes it. */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
