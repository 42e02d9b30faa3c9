package io.weft.jobmanager.executiongraph;

import io.weft.graph.JobVertex;
import java.util.ArrayList;
import java.util.List;

/**
 * The parallel form of a {@link JobVertex}: one {@link ExecutionVertex} per subtask (parallelism 100 means 100
 * execution vertices), plus the results the vertex produces.
 *
 * <p>JobMaster main thread only.
 */
public final class ExecutionJobVertex {
    private final JobVertex jobVertex;
    private final List<ExecutionVertex> taskVertices = new ArrayList<>();
    private final List<IntermediateResult> producedResults = new ArrayList<>();

    ExecutionJobVertex(JobVertex jobVertex) {
        this.jobVertex = jobVertex;
        for (int i = 0; i < jobVertex.getParallelism(); i++) {
            taskVertices.add(new ExecutionVertex(this, i));
        }
    }

    public JobVertex getJobVertex() {
        return jobVertex;
    }

    public int getParallelism() {
        return jobVertex.getParallelism();
    }

    public List<ExecutionVertex> getTaskVertices() {
        return taskVertices;
    }

    public List<IntermediateResult> getProducedResults() {
        return producedResults;
    }
}
