package io.weft.runtime.checkpoint;

import java.util.List;

/**
 * The snapshotted state of one operator in one subtask: keyed state by key-group ranges and operator list states.
 * After a rescale a subtask may get several handles of each kind (parts of several old subtasks). Immutable.
 */
public record OperatorSubtaskState(List<KeyGroupsStateHandle> keyedState, List<OperatorStateHandle> operatorState) {
    public static final OperatorSubtaskState EMPTY = new OperatorSubtaskState(List.of(), List.of());

    public OperatorSubtaskState {
        keyedState = List.copyOf(keyedState);
        operatorState = List.copyOf(operatorState);
    }

    public boolean isEmpty() {
        return keyedState.isEmpty() && operatorState.isEmpty();
    }
}
