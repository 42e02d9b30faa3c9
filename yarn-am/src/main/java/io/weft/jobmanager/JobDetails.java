package io.weft.jobmanager;

import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.graph.JobGraph;
import io.weft.jobmanager.executiongraph.Execution;
import io.weft.jobmanager.executiongraph.ExecutionGraph;
import io.weft.jobmanager.executiongraph.ExecutionJobVertex;
import io.weft.jobmanager.executiongraph.ExecutionVertex;
import io.weft.runtime.ExecutionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a job for the CLI, REST and tests: name, status, and per vertex its parallelism and each
 * subtask's state, attempt and slot. Immutable.
 */
public record JobDetails(JobID jobId, String name, JobStatus status, Map<JobStatus, Long> timestamps,
        List<Vertex> vertices) {

    /** One vertex. */
    public record Vertex(String id, String name, int parallelism, List<Subtask> subtasks) {
    }

    /** One subtask's current attempt; taskManager and slot are null until it is scheduled. */
    public record Subtask(int index, int attempt, ExecutionState state, String taskManager, Integer slot) {
    }

    static JobDetails of(JobGraph jobGraph, JobStatus status, ExecutionGraph graph, Map<JobStatus, Long> times) {
        List<Vertex> vertices = new ArrayList<>();
        for (ExecutionJobVertex v : graph.getVertices()) {
            List<Subtask> subtasks = new ArrayList<>();
            for (ExecutionVertex ev : v.getTaskVertices()) {
                Execution e = ev.getCurrentExecution();
                subtasks.add(new Subtask(ev.getSubtaskIndex(), e.getAttemptNumber(), e.getState(),
                        e.getSlot() == null ? null : e.getSlot().taskManager().toString(),
                        e.getSlot() == null ? null : e.getSlot().slotIndex()));
            }
            vertices.add(new Vertex(v.getJobVertex().getId().toString(), v.getJobVertex().getName(),
                    v.getParallelism(), subtasks));
        }
        return new JobDetails(jobGraph.jobId(), jobGraph.name(), status, Map.copyOf(times), vertices);
    }
}
