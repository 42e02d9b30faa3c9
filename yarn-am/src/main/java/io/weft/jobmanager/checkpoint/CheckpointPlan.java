package io.weft.jobmanager.checkpoint;

import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.OperatorID;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which task attempts one checkpoint involves: the sources that get the trigger and every task that must
 * acknowledge, with what is needed to place its state (subtask index, operators). Immutable.
 */
public record CheckpointPlan(List<ExecutionAttemptID> toTrigger, Map<ExecutionAttemptID, TaskInfo> toAcknowledge) {
    /** One operator of a task's chain. */
    public record OperatorInfo(OperatorID operatorId, int parallelism, int maxParallelism) {
        public OperatorInfo {
            Objects.requireNonNull(operatorId, "operatorId");
        }
    }

    /** One task attempt: its subtask index, name (for messages) and the operators of its chain. */
    public record TaskInfo(String taskName, int subtaskIndex, List<OperatorInfo> operators) {
        public TaskInfo {
            operators = List.copyOf(operators);
        }
    }

    public CheckpointPlan {
        toTrigger = List.copyOf(toTrigger);
        toAcknowledge = Map.copyOf(toAcknowledge);
        if (!toAcknowledge.keySet().containsAll(toTrigger)) {
            throw new IllegalArgumentException("Every triggered source must acknowledge too");
        }
    }
}
