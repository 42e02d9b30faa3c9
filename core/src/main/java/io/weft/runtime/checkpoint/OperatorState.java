package io.weft.runtime.checkpoint;

import io.weft.runtime.OperatorID;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one operator over all its subtasks in a completed checkpoint, with the parallelism and max
 * parallelism it was taken at (keyed state can be restored at any parallelism up to the same max parallelism).
 * Immutable.
 *
 * @param subtaskStates by subtask index; a subtask without state may be absent
 */
public record OperatorState(OperatorID operatorId, int parallelism, int maxParallelism,
        Map<Integer, OperatorSubtaskState> subtaskStates) {
    public OperatorState {
        Objects.requireNonNull(operatorId, "operatorId");
        subtaskStates = Map.copyOf(subtaskStates);
        if (parallelism < 1 || maxParallelism < parallelism) {
            throw new IllegalArgumentException("Operator " + operatorId + ": parallelism " + parallelism
                    + " and max parallelism " + maxParallelism + " do not fit");
        }
    }

    public boolean hasState() {
        return subtaskStates.values().stream().anyMatch(s -> !s.isEmpty());
    }
}
