package io.weft.runtime;

import java.util.Map;

/**
 * A task's report of a state change to its JobMaster, with the failure for FAILED and the task's counters for
 * terminal states. Immutable.
 */
public record TaskExecutionState(ExecutionAttemptID attemptId, ExecutionState state, ErrorInfo error,
        Map<String, Long> counters) {
    public TaskExecutionState(ExecutionAttemptID attemptId, ExecutionState state) {
        this(attemptId, state, null, Map.of());
    }
}
