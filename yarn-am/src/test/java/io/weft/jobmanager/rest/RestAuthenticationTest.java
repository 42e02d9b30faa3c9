package io.weft.jobmanager.rest;

import static io.weft.jobmanager.rest.RestAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.JobID;
import io.weft.config.Configuration;
import io.weft.config.RestOptions;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RestToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every REST call that changes state or runs code needs the cluster's token; reading does not. */
class RestAuthenticationTest {
    @TempDir
    static Path dir;
    private static TestCluster cluster;
    private static RestClient anonymous;
    private static RestClient wrongToken;
    private static String jarId;

    @BeforeAll
    static void start() throws Exception {
        cluster = new TestCluster(1, 2, new Configuration().set(RestOptions.UPLOAD_DIR,
                dir.resolve("jars").toString()));
        anonymous = cluster.client.withoutToken();
        wrongToken = new RestClient("http://127.0.0.1:" + cluster.rest.port(),
                RestToken.of(ClusterSecret.generate()));
        String filename = cluster.client.upload("jarfile", "job.jar", JarEndpointsTest.jar(1)).json().get("filename")
                .asText();
        jarId = filename.substring(filename.lastIndexOf('/') + 1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void uploadWithoutTheTokenGets401AndStoresNothing() throws Exception {
        for (RestClient client : new RestClient[] {anonymous, wrongToken}) {
            RestClient.Response r = client.upload("jarfile", "evil.jar", JarEndpointsTest.jar(64 * 1024));
            assertError(r, 401).contains("REST token").contains("security.cluster-secret.file")
                    .contains("WEFT_CLUSTER_SECRET");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"weft\"");
        }
        try (Stream<Path> jars = Files.list(dir.resolve("jars"))) {
            assertThat(jars.filter(p -> !p.getFileName().toString().startsWith(".")))
                    .as("only the test's own upload").hasSize(1);
        }
    }

    @Test
    void runCancelAndDeleteWithoutTheTokenGet401AndChangeNothing() throws Exception {
        JobID job = cluster.submit(TestJobs.running("auth", 1));
        assertError(anonymous.postJson("/jars/" + jarId + "/run", "{}"), 401);
        assertError(anonymous.patch("/jobs/" + job), 401);
        assertError(wrongToken.patch("/jobs/" + job + "?mode=cancel"), 401);
        assertError(anonymous.delete("/jars/" + jarId), 401);
        assertThat(cluster.jarRunner.calls()).isEmpty();
        assertThat(anonymous.get("/jobs/" + job).json().get("state").asText()).isIn("CREATED", "RUNNING");
        assertThat(anonymous.get("/jars").json().get("files")).hasSize(1);

        assertThat(cluster.client.patch("/jobs/" + job).status()).isEqualTo(202);
    }

    @Test
    void readingNeedsNoToken() throws Exception {
        for (String path : new String[] {"/overview", "/config", "/jobs", "/jobs/overview", "/taskmanagers",
                "/jars"}) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aLargeUnauthenticatedBodyIsRefusedFromItsHeadAndTheConnectionClosed() throws Exception {
        long start = System.nanoTime();
        String answer = RestClient.raw(cluster.rest.port(), "POST /jars/upload HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 500000000\r\n\r\n"
                + "x".repeat(10_000));
        assertError(answer, 401).contains("REST token");
        assertThat(answer).containsIgnoringCase("connection: close");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds until the answer").isLessThan(20);
    }

    @Test
    void authenticationNone_letsAnyoneChangeState() throws Exception {
        try (TestCluster open = new TestCluster(1, 1, new Configuration()
                .set(RestOptions.AUTHENTICATION, RestOptions.Authentication.NONE))) {
            RestClient.Response r = open.client.withoutToken().upload("jarfile", "ok.jar", JarEndpointsTest.jar(1));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }
}
