package io.weft.jobmanager.rest.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.weft.jobmanager.JobDetails;
import io.weft.runtime.ExecutionState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /jobs/:jobid}: a job's state and times, and per vertex its parallelism, aggregate status and each
 * subtask's status, attempt and slot; {@code waiting-for} says, while the job waits for slots, how many and what
 * the cluster has and is starting (absent otherwise). Immutable.
 */
public record JobDetailsInfo(
        String jid,
        String name,
        String state,
        @JsonProperty("start-time") long startTime,
        @JsonProperty("end-time") long endTime,
        long duration,
        @JsonProperty("waiting-for") @JsonInclude(JsonInclude.Include.NON_NULL) String waitingFor,
        List<Vertex> vertices) {

    /** One vertex; {@code status} aggregates its subtasks' states as Flink does. */
    public record Vertex(String id, String name, int parallelism, String status, List<Subtask> subtasks,
            Map<String, Long> metrics) {
    }

    /** One subtask's current attempt; the TaskManager and slot are null until it is scheduled. */
    public record Subtask(
            int subtask,
            String status,
            int attempt,
            @JsonProperty("taskmanager-id") String taskManagerId,
            Integer slot) {
    }

    /** The details of one job at {@code now} (epoch millis); {@code waitingFor} may be null. */
    public static JobDetailsInfo of(JobDetails details, String waitingFor, long now) {
        List<Vertex> vertices = new ArrayList<>();
        for (JobDetails.Vertex v : details.vertices()) {
            List<Subtask> subtasks = new ArrayList<>();
            Map<ExecutionState, Integer> counts = new EnumMap<>(ExecutionState.class);
            for (JobDetails.Subtask s : v.subtasks()) {
                subtasks.add(new Subtask(s.index(), s.state().name(), s.attempt(), s.taskManager(), s.slot()));
                counts.merge(s.state(), 1, Integer::sum);
            }
            vertices.add(new Vertex(v.id(), v.name(), v.parallelism(), aggregate(counts, v.subtasks().size()).name(),
                    subtasks, v.metrics()));
        }
        return new JobDetailsInfo(details.jobId().toString(), details.name(), details.status().name(),
                details.startTime(), details.endTime(), duration(details, now), waitingFor, vertices);
    }

    /** Milliseconds from start to end, or to {@code now} while the job runs. */
    static long duration(JobDetails details, long now) {
        return (details.endTime() < 0 ? now : details.endTime()) - details.startTime();
    }

    /**
     * Flink's rule: any FAILED subtask makes the vertex FAILED, else any CANCELING, CANCELED, INITIALIZING or RUNNING
     * one (in that order); FINISHED when all finished; the common state when all share one; else CREATED.
     */
    private static ExecutionState aggregate(Map<ExecutionState, Integer> counts, int subtasks) {
        for (ExecutionState s : List.of(ExecutionState.FAILED, ExecutionState.CANCELING, ExecutionState.CANCELED,
                ExecutionState.INITIALIZING, ExecutionState.RUNNING)) {
            if (counts.containsKey(s)) {
                return s;
            }
        }
        if (counts.containsKey(ExecutionState.FINISHED)) {
            return counts.get(ExecutionState.FINISHED) == subtasks ? ExecutionState.FINISHED : ExecutionState.RUNNING;
        }
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        return ExecutionState.CREATED;
    }
}
