package io.weft.jobmanager.executiongraph;

import io.weft.runtime.ErrorInfo;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.ExecutionState;
import io.weft.runtime.SlotOffer;
import java.util.EnumMap;
import java.util.Map;

/**
 * One attempt to run one subtask. A restart never moves an old attempt: it creates a new Execution, and the old
 * one stays in the vertex's history.
 *
 * <p>JobMaster main thread only; every state change is checked against {@link ExecutionState}'s table.
 */
public final class Execution {
    private final ExecutionAttemptID attemptId = new ExecutionAttemptID();
    private final ExecutionVertex vertex;
    private final int attemptNumber;
    private final Map<ExecutionState, Long> timestamps = new EnumMap<>(ExecutionState.class);
    private ExecutionState state = ExecutionState.CREATED;
    private SlotOffer slot;
    private ErrorInfo failure;
    private Map<String, Long> counters = Map.of();

    Execution(ExecutionVertex vertex, int attemptNumber) {
        this.vertex = vertex;
        this.attemptNumber = attemptNumber;
        timestamps.put(ExecutionState.CREATED, System.currentTimeMillis());
    }

    public ExecutionAttemptID getAttemptId() {
        return attemptId;
    }

    public ExecutionVertex getVertex() {
        return vertex;
    }

    public int getAttemptNumber() {
        return attemptNumber;
    }

    public ExecutionState getState() {
        return state;
    }

    /**
     * Moves to {@code next}.
     *
     * @throws IllegalStateException naming the attempt when the table forbids the transition
     */
    public void transitionTo(ExecutionState next) {
        state = state.checkTransition(next, this);
        timestamps.put(next, System.currentTimeMillis());
    }

    public Long getTimestamp(ExecutionState s) {
        return timestamps.get(s);
    }

    public SlotOffer getSlot() {
        return slot;
    }

    public void setSlot(SlotOffer slot) {
        this.slot = slot;
    }

    public ErrorInfo getFailure() {
        return failure;
    }

    public void setFailure(ErrorInfo failure) {
        this.failure = failure;
    }

    public Map<String, Long> getCounters() {
        return counters;
    }

    public void setCounters(Map<String, Long> counters) {
        this.counters = counters;
    }

    @Override
    public String toString() {
        return vertex.getTaskName() + "#" + attemptNumber + " (" + attemptId + ")";
    }
}
