package io.weft.jobmanager.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed's pipeline on 2 TaskManagers x 3 slots occupies 4 slots, visible through REST. */
class SeedPipelineRestTest {
    @Test
    void seedPipelineOnTwoTaskManagersWithThreeSlots_occupiesFourSlots_visibleThroughRest() throws Exception {
        try (TestCluster cluster = new TestCluster(2, 3)) {
            RestClient client = cluster.client;
            JobID id = cluster.submit(TestJobs.seed());

            JsonNode job = Await.until(() -> client.get("/jobs/" + id).json(), SeedPipelineRestTest::allRunning,
                    "every subtask of the seed RUNNING");

            JsonNode vertices = job.get("vertices");
            assertThat(vertices).hasSize(2);
            assertThat(vertices.get(0).get("name").asText()).isEqualTo("Source -> Map");
            assertThat(vertices.get(0).get("parallelism").asInt()).isEqualTo(4);
            assertThat(vertices.get(1).get("parallelism").asInt()).isEqualTo(3);
            Set<String> slots = new HashSet<>();
            List<String> taskManagers = new ArrayList<>();
            for (JsonNode v : vertices) {
                assertThat(v.get("subtasks")).hasSize(v.get("parallelism").asInt());
                for (JsonNode s : v.get("subtasks")) {
                    slots.add(s.get("taskmanager-id").asText() + "/" + s.get("slot").asInt());
                    taskManagers.add(s.get("taskmanager-id").asText());
                }
            }
            assertThat(slots).hasSize(4);
            JsonNode tms = client.get("/taskmanagers").json().get("taskmanagers");
            assertThat(tms).hasSize(2);
            int free = 0;
            for (JsonNode tm : tms) {
                assertThat(tm.get("slotsNumber").asInt()).isEqualTo(3);
                free += tm.get("freeSlots").asInt();
            }
            assertThat(free).isEqualTo(2);
            assertThat(taskManagers).allSatisfy(tm -> assertThat(tms.findValuesAsText("id")).contains(tm));
            JsonNode overview = client.get("/overview").json();
            assertThat(overview.get("slots-total").asInt()).isEqualTo(6);
            assertThat(overview.get("slots-available").asInt()).isEqualTo(2);
            assertThat(overview.get("jobs-running").asInt()).isEqualTo(1);

            assertThat(client.patch("/jobs/" + id).status()).isEqualTo(202);
            assertThat(cluster.awaitResult(id).status()).isEqualTo(JobStatus.CANCELED);
            Await.until(() -> client.get("/overview").json().get("slots-available").asInt(), n -> n == 6,
                    "every slot free again");
            assertThat(cluster.fatalError()).isNull();
        }
    }

    private static boolean allRunning(JsonNode job) {
        if (job.get("vertices") == null || job.get("vertices").isEmpty()) {
            return false;
        }
        for (JsonNode v : job.get("vertices")) {
            for (JsonNode s : v.get("subtasks")) {
                if (!s.get("status").asText().equals("RUNNING")) {
                    return false;
                }
            }
        }
        return true;
    }
}
