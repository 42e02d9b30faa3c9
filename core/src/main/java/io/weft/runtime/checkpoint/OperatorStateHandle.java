package io.weft.runtime.checkpoint;

import java.util.Map;
import java.util.Objects;

/**
 * The operator (non-keyed) list states of one subtask, in one blob: for every state name its distribution mode and
 * where each of its elements starts in {@code data}, so elements can be redistributed one by one. Immutable.
 */
public record OperatorStateHandle(Map<String, StateMetaInfo> states, StreamStateHandle data) {
    /** How a list state is redistributed on restore. */
    public enum Mode {
        /** Elements are spread round-robin over the new subtasks ({@code getListState}). */
        SPLIT_DISTRIBUTE,
        /** Every new subtask gets every element of every old subtask ({@code getUnionListState}). */
        UNION
    }

    /** One list state: its mode and the offsets of its elements in the blob. */
    public record StateMetaInfo(Mode mode, long[] offsets) {
        public StateMetaInfo {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(offsets, "offsets");
        }
    }

    public OperatorStateHandle {
        states = Map.copyOf(states);
        Objects.requireNonNull(data, "data");
    }
}
