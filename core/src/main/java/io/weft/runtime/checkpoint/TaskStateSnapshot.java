package io.weft.runtime.checkpoint;

import io.weft.runtime.OperatorID;
import java.util.Map;

/**
 * The state of every operator of one task's chain for one checkpoint (what a task acknowledges), or what it is
 * restored with (the {@code checkpointId} the state comes from). Immutable.
 */
public record TaskStateSnapshot(long checkpointId, Map<OperatorID, OperatorSubtaskState> operators) {
    public TaskStateSnapshot {
        operators = Map.copyOf(operators);
    }

    /** The state of {@code operator}, or {@link OperatorSubtaskState#EMPTY}. */
    public OperatorSubtaskState stateOf(OperatorID operator) {
        return operators.getOrDefault(operator, OperatorSubtaskState.EMPTY);
    }
}
