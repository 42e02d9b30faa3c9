package io.weft.jobmanager.rest;

import static io.weft.jobmanager.rest.RestAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.api.WeftException;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.MemorySize;
import io.weft.config.RestOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /overview}, {@code /taskmanagers}, {@code /config}, and routing: unknown paths, wrong methods, bad HTTP. */
class ClusterEndpointsTest {
    private static TestCluster cluster;
    private static RestClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TestCluster(2, 2);
        client = cluster.client;
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        assertThat(cluster.fatalError()).isNull();
    }

    @Test
    void overview_countsTaskManagersSlotsAndJobsByOutcome() throws Exception {
        JsonNode empty = client.get("/overview").json();
        assertThat(empty.get("taskmanagers").asInt()).isEqualTo(2);
        assertThat(empty.get("slots-total").asInt()).isEqualTo(4);
        assertThat(empty.get("slots-available").asInt()).isEqualTo(4);
        assertThat(empty.get("jobs-running").asInt()).isZero();
        assertThat(empty.get("weft-version").asText()).isNotBlank().doesNotContain("${");

        JobID finished = cluster.submit(TestJobs.finishing("finished"));
        JobID failed = cluster.submit(TestJobs.failing("failed"));
        JobID canceled = cluster.submit(TestJobs.running("canceled", 1));
        assertThat(cluster.awaitResult(finished).status()).isEqualTo(JobStatus.FINISHED);
        assertThat(cluster.awaitResult(failed).status()).isEqualTo(JobStatus.FAILED);
        assertThat(client.patch("/jobs/" + canceled).status()).isEqualTo(202);
        assertThat(cluster.awaitResult(canceled).status()).isEqualTo(JobStatus.CANCELED);
        JobID running = cluster.submit(TestJobs.running("running", 3));

        JsonNode overview = Await.until(() -> client.get("/overview").json(),
                o -> o.get("slots-available").asInt() == 1 && o.get("jobs-finished").asInt() == 1
                        && o.get("jobs-failed").asInt() == 1 && o.get("jobs-cancelled").asInt() == 1,
                "one job of each outcome and 3 slots taken");
        assertThat(overview.get("jobs-running").asInt()).isEqualTo(1);
        assertThat(overview.get("slots-total").asInt()).isEqualTo(4);
        assertThat(client.get("/jobs").json().get("jobs")).hasSize(4);

        assertThat(client.patch("/jobs/" + running).status()).isEqualTo(202);
        assertThat(cluster.awaitResult(running).status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void taskManagers_listIdsSlotsAndFreeSlots() throws Exception {
        RestClient.Response r = client.get("/taskmanagers");
        assertThat(r.status()).isEqualTo(200);
        JsonNode tms = r.json().get("taskmanagers");
        assertThat(tms).hasSize(2);
        for (JsonNode tm : tms) {
            assertThat(tm.get("id").asText()).matches("[0-9a-f]{32}");
            assertThat(tm.get("slotsNumber").asInt()).isEqualTo(2);
            assertThat(tm.get("freeSlots").asInt()).isBetween(0, 2);
        }
    }

    @Test
    void config_tellsRefreshIntervalTimeZoneAndVersion() throws Exception {
        RestClient.Response r = client.get("/config");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        JsonNode config = r.json();
        assertThat(config.get("refresh-interval").asLong()).isEqualTo(3000);
        assertThat(config.get("timezone-name").asText()).isNotBlank();
        assertThat(config.get("timezone-offset").isNumber()).isTrue();
        assertThat(config.get("weft-version").asText()).isEqualTo(WeftVersion.get());
    }

    @Test
    void unknownPaths_get404ListingTheEndpoints() throws Exception {
        for (String path : new String[] {"/", "/nope", "/jobs/0123456789abcdef0123456789abcdef/vertices",
                "/jobs//exceptions", "/jars/x/y/z", "/JOBS", "/jars/upload/more", "/overview/x"}) {
            assertError(client.get(path), 404).as(path).startsWith("No REST endpoint at " + path + ":")
                    .contains("GET /overview").contains("POST /jars/upload");
        }
        // dot segments are not resolved: they name no endpoint rather than reaching another one
        String traversal = RestClient.raw(cluster.rest.port(), "GET /jobs/../config HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertError(traversal, 404).startsWith("No REST endpoint at /jobs/../config");
    }

    @Test
    void everyRoute_answersOtherMethodsWith405AndTheAllowedOnes() throws Exception {
        String job = "/jobs/0123456789abcdef0123456789abcdef";
        String jar = "/jars/01234567-89ab-cdef-0123-456789abcdef_job.jar";
        Map<String, String> allowed = new LinkedHashMap<>();
        allowed.put("/overview", "GET");
        allowed.put("/config", "GET");
        allowed.put("/taskmanagers", "GET");
        allowed.put("/jobs", "GET");
        allowed.put("/jobs/overview", "GET");
        allowed.put(job, "GET, PATCH");
        allowed.put(job + "/exceptions", "GET");
        allowed.put("/jars", "GET");
        allowed.put("/jars/upload", "POST"); // a literal path wins over /jars/:jarid
        allowed.put(jar, "DELETE");
        allowed.put(jar + "/run", "POST");
        for (Map.Entry<String, String> route : allowed.entrySet()) {
            String path = route.getKey();
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
                if (route.getValue().contains(method)) {
                    continue;
                }
                RestClient.Response r = client.send(method, path, null, null);
                assertError(r, 405).as(method + " " + path).isEqualTo("Method " + method + " is not allowed on "
                        + path + ": use " + route.getValue().replace(", ", " or "));
                assertThat(r.headers().firstValue("Allow")).as(method + " " + path).hasValue(route.getValue());
            }
        }
        assertThat(cluster.jarRunner.calls()).isEmpty();
    }

    @Test
    void headRequests_get405WithoutABody() throws Exception {
        RestClient.Response head = client.send("HEAD", "/overview", null, null);
        assertThat(head.status()).isEqualTo(405);
        assertThat(head.body()).isEmpty();
        assertThat(client.get("/overview").status()).isEqualTo(200);
    }

    @Test
    void restAddress_isTheAdvertisedAddressWithTheBoundPort() {
        assertThat(cluster.rest.port()).isPositive();
        assertThat(cluster.rest.restAddress()).isEqualTo("http://localhost:" + cluster.rest.port());
    }

    @Test
    void endpointOnATakenPort_failsNamingTheAddressAndTheSetting() {
        int taken = cluster.rest.port();
        Set<String> threadsBefore = restThreads();
        Configuration config = new Configuration().set(RestOptions.PORT, taken);
        assertThatThrownBy(() -> RestEndpoint.start(config, cluster.secret, cluster.dispatcher, cluster.resourceManager,
                new FakeJarRunner()))
                .isInstanceOf(WeftException.class)
                .hasMessageStartingWith("The REST endpoint could not listen on 127.0.0.1:" + taken)
                .hasMessageContaining("set rest.port to a free port");
        assertThat(restThreads()).as("no thread of the failed endpoint is left behind").isEqualTo(threadsBefore);
    }

    private static Set<String> restThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("weft-rest-")).collect(Collectors.toSet());
    }

    @Test
    void aConnectionThatAnnouncesABodyAndNeverSendsIt_isClosedAfterTheIdlenessTimeout() throws Exception {
        Configuration config = new Configuration().set(RestOptions.PORT, 0)
                .set(RestOptions.IDLENESS_TIMEOUT, java.time.Duration.ofMillis(300));
        RestEndpoint endpoint = RestEndpoint.start(config, cluster.secret, cluster.dispatcher, cluster.resourceManager,
                new FakeJarRunner());
        try {
            long start = System.nanoTime();
            String answer = RestClient.raw(endpoint.port(), "POST /jars/upload HTTP/1.1\r\nHost: x\r\n"
                    + cluster.authorizationLine()
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"partial\":");
            assertThat(answer).as("nothing is answered to a request that never completes").isEmpty();
            assertThat((System.nanoTime() - start) / 1e9).as("seconds until the server closed").isLessThan(20);
        } finally {
            endpoint.close();
        }
    }

    @Test
    void maxContentLengthOfZero_isAConfigurationError() {
        Configuration config = new Configuration().set(RestOptions.PORT, 0)
                .set(RestOptions.SERVER_MAX_CONTENT_LENGTH, MemorySize.parse("0"));
        assertThatThrownBy(() -> RestEndpoint.start(config, cluster.secret, cluster.dispatcher, cluster.resourceManager,
                new FakeJarRunner()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("rest.server.max-content-length is 0 bytes: set it to at least 1 byte, such as 1gb");
    }

    @Test
    void trailingSlashAndQueryParametersDoNotChangeTheRoute() throws Exception {
        assertThat(client.get("/jobs/").status()).isEqualTo(200);
        assertThat(client.get("/overview?foo=bar&x").status()).isEqualTo(200);
    }

    @Test
    void requestThatIsNotHttp_gets400AndTheServerKeepsServing() throws Exception {
        String answer = RestClient.raw(cluster.rest.port(), "THIS IS NOT HTTP\r\n\r\n");
        assertError(answer, 400).startsWith("The request is not valid HTTP/1.1");
        assertThat(client.get("/overview").status()).isEqualTo(200);
    }

    @Test
    void badContentLength_gets400() throws Exception {
        String answer = RestClient.raw(cluster.rest.port(), "POST /jars/upload HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: lots\r\n\r\n");
        assertError(answer, 400).startsWith("The request is not valid HTTP/1.1").contains("lots");
    }

    @Test
    void tooLongRequestLine_gets414() throws Exception {
        String answer = RestClient.raw(cluster.rest.port(),
                "GET /jobs/" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertError(answer, 414).startsWith("The request line is too long")
                .contains("send parameters in the body rather than the URL");
    }

    @Test
    void tooLargeHeaders_get431() throws Exception {
        String answer = RestClient.raw(cluster.rest.port(), "GET /overview HTTP/1.1\r\nHost: x\r\n"
                + "X-Padding: " + "a".repeat(10_000) + "\r\n\r\n");
        assertError(answer, 431).startsWith("The request headers are too large");
        assertThat(client.get("/overview").status()).isEqualTo(200);
    }

    @Test
    void malformedPercentEncodingInTheQuery_gets400() throws Exception {
        String answer = RestClient.raw(cluster.rest.port(), "GET /jobs?state=%zz HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertError(answer, 400).startsWith("Malformed percent-encoding '%zz' in the query");
    }

    @Test
    void absoluteFormTarget_isServedLikeItsPath_otherTargetsGet400() throws Exception {
        // HTTP/1.1 servers must accept "GET http://host/path": proxies send it
        String absolute = RestClient.raw(cluster.rest.port(), "GET http://localhost:8081/taskmanagers?x=1 HTTP/1.1"
                + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        RestClient.Response r = RestClient.parse(absolute);
        assertThat(r.status()).as(absolute).isEqualTo(200);
        assertThat(r.json().get("taskmanagers")).hasSize(2);
        String noPath = RestClient.raw(cluster.rest.port(), "GET HTTP://localhost?x=1 HTTP/1.1\r\nHost: localhost"
                + "\r\nConnection: close\r\n\r\n");
        assertError(noPath, 404).startsWith("No REST endpoint at /:");
        String asterisk = RestClient.raw(cluster.rest.port(), "OPTIONS * HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertError(asterisk, 400).isEqualTo("The request path '*' does not start with '/'");
    }
}
