package io.weft.jobmanager.executiongraph;

import io.weft.graph.IntermediateDataSet;
import io.weft.graph.JobEdge;
import io.weft.graph.JobGraph;
import io.weft.graph.JobVertex;
import io.weft.runtime.ExecutionAttemptID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parallel, attempt-tracking form of a {@link JobGraph}: execution job vertices with their subtasks, and the
 * intermediate results connecting them.
 *
 * <p>JobMaster main thread only.
 */
public final class ExecutionGraph {
    private final JobGraph jobGraph;
    private final List<ExecutionJobVertex> vertices = new ArrayList<>();
    private final Map<IntermediateDataSet, IntermediateResult> results = new HashMap<>();

    public ExecutionGraph(JobGraph jobGraph) {
        this.jobGraph = jobGraph;
        Map<JobVertex, ExecutionJobVertex> byVertex = new HashMap<>();
        for (JobVertex v : jobGraph.vertices()) {
            ExecutionJobVertex ejv = new ExecutionJobVertex(v);
            byVertex.put(v, ejv);
            vertices.add(ejv);
            for (IntermediateDataSet ds : v.getProducedDataSets()) {
                IntermediateResult r = new IntermediateResult(ds, ejv);
                ejv.getProducedResults().add(r);
                results.put(ds, r);
            }
        }
        for (JobVertex v : jobGraph.vertices()) {
            for (JobEdge e : v.getInputs()) {
                results.get(e.source()).setConsumer(byVertex.get(v));
            }
        }
    }

    public JobGraph getJobGraph() {
        return jobGraph;
    }

    /** The vertices in topological order. */
    public List<ExecutionJobVertex> getVertices() {
        return vertices;
    }

    public IntermediateResult getResult(IntermediateDataSet dataSet) {
        return results.get(dataSet);
    }

    /** Every subtask, vertex by vertex. */
    public List<ExecutionVertex> getAllExecutionVertices() {
        List<ExecutionVertex> all = new ArrayList<>();
        for (ExecutionJobVertex v : vertices) {
            all.addAll(v.getTaskVertices());
        }
        return all;
    }

    /** The current execution with this attempt id, or null (an old attempt or unknown id). */
    public Execution findCurrentExecution(ExecutionAttemptID id) {
        for (ExecutionJobVertex v : vertices) {
            for (ExecutionVertex ev : v.getTaskVertices()) {
                if (ev.getCurrentExecution().getAttemptId().equals(id)) {
                    return ev.getCurrentExecution();
                }
            }
        }
        return null;
    }
}
