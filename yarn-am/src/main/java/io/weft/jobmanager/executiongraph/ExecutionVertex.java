package io.weft.jobmanager.executiongraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One parallel subtask of a vertex: its current execution attempt and the attempts before it.
 *
 * <p>JobMaster main thread only.
 */
public final class ExecutionVertex {
    private final ExecutionJobVertex jobVertex;
    private final int subtaskIndex;
    private final List<Execution> priorExecutions = new ArrayList<>();
    private final List<IntermediateResultPartition> producedPartitions = new ArrayList<>();
    private Execution current;

    ExecutionVertex(ExecutionJobVertex jobVertex, int subtaskIndex) {
        this.jobVertex = jobVertex;
        this.subtaskIndex = subtaskIndex;
        this.current = new Execution(this, 0);
    }

    public ExecutionJobVertex getJobVertex() {
        return jobVertex;
    }

    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    public Execution getCurrentExecution() {
        return current;
    }

    public List<Execution> getPriorExecutions() {
        return Collections.unmodifiableList(priorExecutions);
    }

    public List<IntermediateResultPartition> getProducedPartitions() {
        return producedPartitions;
    }

    /**
     * Starts a new attempt after a failure; the old one must be terminal.
     *
     * @throws IllegalStateException when the current attempt still runs
     */
    public Execution resetForNewExecution() {
        if (!current.getState().isTerminal()) {
            throw new IllegalStateException("Cannot reset " + current + ": it is still " + current.getState());
        }
        priorExecutions.add(current);
        current = new Execution(this, current.getAttemptNumber() + 1);
        return current;
    }

    public String getTaskName() {
        return jobVertex.getJobVertex().getName() + " (" + (subtaskIndex + 1) + "/" + jobVertex.getParallelism()
                + ")";
    }
}
