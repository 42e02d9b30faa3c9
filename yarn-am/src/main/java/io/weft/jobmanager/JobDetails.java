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
import java.util.TreeMap;

/**
 * A snapshot of a job for the CLI, REST and tests: name, status, start and end time, and per vertex its
 * parallelism and each subtask's state, attempt and slot. Immutable.
 *
 * @param timestamps when the job last entered each status it went through
 * @param startTime when the job was submitted (epoch millis); restarts do not move it
 * @param endTime when the job reached a globally terminal status, or -1 while it has not
 */
public record JobDetails(JobID jobId, String name, JobStatus status, Map<JobStatus, Long> timestamps,
        List<Vertex> vertices, long startTime, long endTime) {

    /**
     * One vertex.
     *
     * @param metrics the counters of its subtasks' current attempts that ended, summed, under Flink's metric names
     *     (read-records, write-records, write-bytes, accumulated-busy-time, ...)
     */
    public record Vertex(String id, String name, int parallelism, List<Subtask> subtasks, Map<String, Long> metrics) {
    }

    /** Task counter names (after the vertex-name prefix) and the REST metric each is shown as. */
    private static final Map<String, String> METRIC_NAMES = Map.of("numRecordsIn", "read-records",
            "numRecordsOut", "write-records", "numBytesOut", "write-bytes", "busyTimeMs", "accumulated-busy-time",
            "backPressuredTimeMs", "accumulated-backpressured-time", "idleTimeMs", "accumulated-idle-time");

    /** One subtask's current attempt; taskManager and slot are null until it is scheduled. */
    public record Subtask(int index, int attempt, ExecutionState state, String taskManager, Integer slot) {
    }

    static JobDetails of(JobGraph jobGraph, JobStatus status, ExecutionGraph graph, Map<JobStatus, Long> times,
            long startTime) {
        List<Vertex> vertices = new ArrayList<>();
        for (ExecutionJobVertex v : graph.getVertices()) {
            List<Subtask> subtasks = new ArrayList<>();
            Map<String, Long> metrics = new TreeMap<>();
            String prefix = v.getJobVertex().getName() + ".";
            for (ExecutionVertex ev : v.getTaskVertices()) {
                Execution e = ev.getCurrentExecution();
                e.getCounters().forEach((k, value) -> {
                    String metric = k.startsWith(prefix) ? METRIC_NAMES.get(k.substring(prefix.length())) : null;
                    if (metric != null) {
                        metrics.merge(metric, value, Long::sum);
                    }
                });
                subtasks.add(new Subtask(ev.getSubtaskIndex(), e.getAttemptNumber(), e.getState(),
                        e.getSlot() == null ? null : e.getSlot().taskManager().toString(),
                        e.getSlot() == null ? null : e.getSlot().slotIndex()));
            }
            vertices.add(new Vertex(v.getJobVertex().getId().toString(), v.getJobVertex().getName(),
                    v.getParallelism(), subtasks, metrics));
        }
        long endTime = status.isGloballyTerminal() ? times.getOrDefault(status, -1L) : -1L;
        return new JobDetails(jobGraph.jobId(), jobGraph.name(), status, Map.copyOf(times), vertices, startTime,
                endTime);
    }
}
