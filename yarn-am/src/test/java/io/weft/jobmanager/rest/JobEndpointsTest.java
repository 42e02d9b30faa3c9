package io.weft.jobmanager.rest;

import static io.weft.jobmanager.rest.RestAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /jobs}, {@code /jobs/overview}, {@code /jobs/:jobid}, its exceptions and cancel, on a real cluster. */
class JobEndpointsTest {
    private static TestCluster cluster;
    private static RestClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TestCluster(2, 4);
        client = cluster.client;
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        assertThat(cluster.fatalError()).isNull();
    }

    @Test
    void runningJob_isDetailedWithVerticesSubtasksAndSlots_thenCancelledByPatch() throws Exception {
        JobID id = cluster.submit(TestJobs.running("runs until cancelled", 2));

        RestClient.Response details = Await.until(() -> client.get("/jobs/" + id),
                r -> r.status() == 200 && allSubtasks(r.json(), "RUNNING"), "all subtasks RUNNING");

        JsonNode job = details.json();
        assertThat(job.get("jid").asText()).isEqualTo(id.toString());
        assertThat(job.get("name").asText()).isEqualTo("runs until cancelled");
        assertThat(job.get("state").asText()).isEqualTo("RUNNING");
        assertThat(job.get("start-time").asLong()).isPositive();
        assertThat(job.get("end-time").asLong()).isEqualTo(-1);
        assertThat(job.get("duration").asLong()).isNotNegative();
        assertThat(job.has("waiting-for")).as("a job with its slots waits for nothing").isFalse();
        JsonNode vertex = job.get("vertices").get(0);
        assertThat(vertex.get("name").asText()).contains("Ticks");
        assertThat(vertex.get("id").asText()).isNotBlank();
        assertThat(vertex.get("parallelism").asInt()).isEqualTo(2);
        assertThat(vertex.get("status").asText()).isEqualTo("RUNNING");
        JsonNode subtask = vertex.get("subtasks").get(1);
        assertThat(subtask.get("subtask").asInt()).isEqualTo(1);
        assertThat(subtask.get("status").asText()).isEqualTo("RUNNING");
        assertThat(subtask.get("attempt").asInt()).isZero();
        assertThat(subtask.get("taskmanager-id").asText()).matches("[0-9a-f]{32}");
        assertThat(subtask.get("slot").isInt()).isTrue();

        assertThat(client.get("/jobs").json().get("jobs")).anySatisfy(j -> {
            assertThat(j.get("id").asText()).isEqualTo(id.toString());
            assertThat(j.get("status").asText()).isEqualTo("RUNNING");
        });
        assertThat(client.get("/jobs/overview").json().get("jobs")).anySatisfy(j -> {
            assertThat(j.get("jid").asText()).isEqualTo(id.toString());
            assertThat(j.get("name").asText()).isEqualTo("runs until cancelled");
            assertThat(j.get("state").asText()).isEqualTo("RUNNING");
            assertThat(j.get("end-time").asLong()).isEqualTo(-1);
        });
        RestClient.Response exceptions = client.get("/jobs/" + id + "/exceptions");
        assertThat(exceptions.status()).isEqualTo(200);
        assertThat(exceptions.json().get("root-exception").isNull()).isTrue();
        assertThat(exceptions.json().get("all-exceptions")).isEmpty();

        assertError(client.patch("/jobs/" + id + "?mode=stop"), 400).startsWith("Unsupported mode 'stop'");
        assertThat(client.get("/jobs/" + id).json().get("state").asText()).as("a refused PATCH cancels nothing")
                .isEqualTo("RUNNING");
        RestClient.Response cancel = client.patch("/jobs/" + id + "?mode=cancel");
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.body()).isEqualTo("{}");

        assertThat(cluster.awaitResult(id).status()).isEqualTo(JobStatus.CANCELED);
        JsonNode canceled = Await.until(() -> client.get("/jobs/" + id).json(),
                j -> j.get("state").asText().equals("CANCELED"), "state CANCELED").deepCopy();
        assertThat(canceled.get("end-time").asLong()).isGreaterThanOrEqualTo(canceled.get("start-time").asLong());
        assertThat(canceled.get("duration").asLong())
                .isEqualTo(canceled.get("end-time").asLong() - canceled.get("start-time").asLong());
        RestClient.Response again = client.patch("/jobs/" + id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).contains(id.toString()).contains("CANCELED");
    }

    @Test
    void finishedJob_keepsNameStateAndTimes_andCannotBeCancelled() throws Exception {
        JobID id = cluster.submit(TestJobs.finishing("short"));
        assertThat(cluster.awaitResult(id).status()).isEqualTo(JobStatus.FINISHED);

        JsonNode job = Await.until(() -> client.get("/jobs/" + id).json(),
                j -> j.get("state").asText().equals("FINISHED"), "state FINISHED");
        assertThat(job.get("name").asText()).isEqualTo("short");
        assertThat(job.get("end-time").asLong()).isGreaterThanOrEqualTo(job.get("start-time").asLong());
        assertThat(job.get("duration").asLong())
                .isEqualTo(job.get("end-time").asLong() - job.get("start-time").asLong());
        assertThat(Await.until(() -> client.get("/jobs").json().get("jobs"),
                jobs -> contains(jobs, "id", id, "status", "FINISHED"), "job listed as FINISHED")).isNotEmpty();
        assertThat(contains(client.get("/jobs/overview").json().get("jobs"), "jid", id, "state", "FINISHED"))
                .isTrue();

        RestClient.Response cancel = client.patch("/jobs/" + id + "?mode=cancel");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.error()).isEqualTo("Job " + id + " has already ended (FINISHED): there is nothing to "
                + "cancel");
        assertThat(client.patch("/jobs/" + id).status()).isEqualTo(409);
    }

    @Test
    void failedJob_reportsTheRootExceptionAndEveryFailedAttempt() throws Exception {
        JobID id = cluster.submit(TestJobs.failing("cursed"));
        assertThat(cluster.awaitResult(id).status()).isEqualTo(JobStatus.FAILED);

        JsonNode exceptions = Await.until(() -> client.get("/jobs/" + id + "/exceptions").json(),
                j -> !j.get("root-exception").isNull(), "a root exception");
        assertThat(exceptions.get("root-exception").asText()).contains(TestJobs.CURSED)
                .contains("IllegalStateException");
        assertThat(exceptions.get("timestamp").asLong()).isPositive();
        // with no restart strategy set, the default's three restarts: four failed attempts, the latest first
        JsonNode all = exceptions.get("all-exceptions");
        assertThat(all).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode attempt = all.get(i);
            assertThat(attempt.get("exception").asText()).contains(TestJobs.CURSED);
            assertThat(attempt.get("task").asText()).contains("Cursed").endsWith("(1/1)");
            assertThat(attempt.get("timestamp").asLong()).isPositive();
            assertThat(attempt.get("attempt").asInt()).isEqualTo(3 - i);
        }
        assertThat(client.get("/jobs/" + id).json().get("state").asText()).isEqualTo("FAILED");
    }

    @Test
    void malformedJobIds_get400WithTheExpectedForm_onEveryJobRoute() throws Exception {
        String hex = "0123456789abcdef0123456789abcdef";
        Map<String, String> shownAs = new LinkedHashMap<>();
        shownAs.put("not-a-job", "not-a-job");
        shownAs.put(hex.substring(1), hex.substring(1));
        shownAs.put(hex + "0", hex + "0");
        shownAs.put(hex.substring(1) + "g", hex.substring(1) + "g");
        shownAs.put("%20" + hex, " " + hex);
        shownAs.put("..%2F..%2Fconfig", "../../config");
        shownAs.put("%2E%2E", "..");
        shownAs.put("f".repeat(500), "f".repeat(77) + "...");
        for (Map.Entry<String, String> bad : shownAs.entrySet()) {
            String job = "/jobs/" + bad.getKey();
            for (RestClient.Response r : List.of(client.get(job), client.get(job + "/exceptions"), client.patch(job),
                    client.patch(job + "?mode=cancel"))) {
                assertError(r, 400).as(bad.getKey()).isEqualTo("'" + bad.getValue() + "' is not a job id: a job id "
                        + "is 32 hex digits, as printed by 'weft list' or GET /jobs");
            }
        }
        String badEscape = RestClient.raw(cluster.rest.port(), "GET /jobs/%zz HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertError(badEscape, 400).startsWith("Malformed percent-encoding '%zz' in the request path");
    }

    @Test
    void unknownJobs_get404NamingTheId() throws Exception {
        JobID unknown = JobID.generate();
        for (RestClient.Response r : List.of(client.get("/jobs/" + unknown), client.get("/jobs/" + unknown
                + "/exceptions"), client.patch("/jobs/" + unknown), client.patch("/jobs/" + unknown
                + "?mode=cancel"), client.patch("/jobs/" + unknown + "?mode=cancel&mode=cancel"))) {
            assertError(r, 404).isEqualTo("No job with id " + unknown + " is known to this cluster: check the id "
                    + "with 'weft list -a'");
        }
        assertError(client.get("/jobs/" + unknown.toString().toUpperCase()), 404)
                .as("upper-case hex is a well-formed id").contains(unknown.toString());
    }

    @Test
    void cancelWithAnotherMode_gets400() throws Exception {
        String job = "/jobs/" + JobID.generate();
        for (String mode : List.of("stop", "", "CANCEL", "savepoint")) {
            assertError(client.patch(job + "?mode=" + mode), 400).isEqualTo("Unsupported mode '" + mode
                    + "' for PATCH " + job + ": use mode=cancel or no mode to cancel the job");
        }
        assertError(client.patch(job + "?mode"), 400).startsWith("Unsupported mode ''");
        assertError(client.patch(job + "?mode=" + "x".repeat(200)), 400).startsWith("Unsupported mode '"
                + "x".repeat(77) + "...'");
        assertError(client.patch(job + "?mode=cancel&mode=stop"), 400).isEqualTo("Query parameter 'mode' is given 2 "
                + "times with different values [cancel, stop]: give it once");
    }

    private static boolean allSubtasks(JsonNode job, String status) {
        List<String> states = new ArrayList<>();
        job.get("vertices").forEach(v -> v.get("subtasks").forEach(s -> states.add(s.get("status").asText())));
        return !states.isEmpty() && states.stream().allMatch(status::equals);
    }

    private static boolean contains(JsonNode jobs, String idField, JobID id, String stateField, String state) {
        for (JsonNode j : jobs) {
            if (j.get(idField).asText().equals(id.toString()) && j.get(stateField).asText().equals(state)) {
                return true;
            }
        }
        return false;
    }
}
