package io.weft.jobmanager.checkpoint;

import io.weft.api.JobID;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.OperatorID;
import io.weft.runtime.checkpoint.CheckpointMetadata;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.checkpoint.CheckpointStorageLocation;
import io.weft.runtime.checkpoint.OperatorState;
import io.weft.runtime.checkpoint.OperatorSubtaskState;
import io.weft.runtime.checkpoint.TaskStateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One checkpoint between its trigger and its completion or abort: the tasks that still owe an acknowledgement and
 * the state of those that acknowledged. Main thread of the JobMaster only.
 */
final class PendingCheckpoint {
    private final long checkpointId;
    private final long timestamp;
    private final CheckpointOptions options;
    private final CheckpointStorageLocation location;
    private final CheckpointPlan plan;
    private final Set<ExecutionAttemptID> notYetAcknowledged;
    private final Map<OperatorID, Map<Integer, OperatorSubtaskState>> states = new HashMap<>();
    private final CompletableFuture<CompletedCheckpoint> result = new CompletableFuture<>();
    private ScheduledFuture<?> timeout;
    private boolean disposed;
    private boolean committing;
    private boolean abandoned;

    PendingCheckpoint(long checkpointId, long timestamp, CheckpointOptions options, CheckpointStorageLocation location,
            CheckpointPlan plan) {
        this.checkpointId = checkpointId;
        this.timestamp = timestamp;
        this.options = options;
        this.location = location;
        this.plan = plan;
        this.notYetAcknowledged = new HashSet<>(plan.toAcknowledge().keySet());
    }

    long checkpointId() {
        return checkpointId;
    }

    long timestamp() {
        return timestamp;
    }

    CheckpointOptions options() {
        return options;
    }

    CheckpointStorageLocation location() {
        return location;
    }

    CheckpointPlan plan() {
        return plan;
    }

    CompletableFuture<CompletedCheckpoint> result() {
        return result;
    }

    void setTimeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
    }

    /** What an acknowledgement did: counted, or ignored (unknown or repeated task, or the checkpoint is over). */
    enum AckResult { OK, UNKNOWN_TASK, DUPLICATE, DISPOSED }

    AckResult acknowledge(ExecutionAttemptID attempt, TaskStateSnapshot snapshot) {
        if (disposed) {
            return AckResult.DISPOSED;
        }
        CheckpointPlan.TaskInfo task = plan.toAcknowledge().get(attempt);
        if (task == null) {
            return AckResult.UNKNOWN_TASK;
        }
        if (!notYetAcknowledged.remove(attempt)) {
            return AckResult.DUPLICATE;
        }
        for (CheckpointPlan.OperatorInfo op : task.operators()) {
            OperatorSubtaskState s = snapshot == null ? OperatorSubtaskState.EMPTY : snapshot.stateOf(op.operatorId());
            states.computeIfAbsent(op.operatorId(), k -> new HashMap<>()).put(task.subtaskIndex(), s);
        }
        return AckResult.OK;
    }

    boolean isFullyAcknowledged() {
        return notYetAcknowledged.isEmpty();
    }

    int numberOfAcknowledged() {
        return plan.toAcknowledge().size() - notYetAcknowledged.size();
    }

    int numberOfTasks() {
        return plan.toAcknowledge().size();
    }

    /** The tasks that have not acknowledged yet, by name, for timeout messages (at most {@code max}). */
    List<String> missingTaskNames(int max) {
        List<String> names = new ArrayList<>();
        for (ExecutionAttemptID a : notYetAcknowledged) {
            if (names.size() == max) {
                names.add("…");
                break;
            }
            names.add(plan.toAcknowledge().get(a).taskName());
        }
        return names;
    }

    /** The metadata of the fully acknowledged checkpoint: every operator of the plan with all its subtasks. */
    CheckpointMetadata toMetadata(JobID jobId) {
        Map<OperatorID, CheckpointPlan.OperatorInfo> operators = new HashMap<>();
        for (CheckpointPlan.TaskInfo t : plan.toAcknowledge().values()) {
            for (CheckpointPlan.OperatorInfo op : t.operators()) {
                operators.putIfAbsent(op.operatorId(), op);
            }
        }
        List<OperatorState> operatorStates = new ArrayList<>();
        for (CheckpointPlan.OperatorInfo op : operators.values()) {
            operatorStates.add(new OperatorState(op.operatorId(), op.parallelism(), op.maxParallelism(),
                    states.getOrDefault(op.operatorId(), Map.of())));
        }
        return new CheckpointMetadata(jobId, checkpointId, timestamp, options.type(), operatorStates);
    }

    /** Ends this checkpoint: no acknowledgement counts any more and its timeout is cancelled. */
    void dispose() {
        disposed = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    boolean isDisposed() {
        return disposed;
    }

    /** Its {@code _metadata} is being written: from now on only that write's end may delete its files. */
    void startCommit() {
        dispose();
        committing = true;
    }

    boolean isCommitting() {
        return committing;
    }

    /** Aborted while its metadata was being written: the write's end deletes the files and registers nothing. */
    void abandon() {
        abandoned = true;
    }

    boolean isAbandoned() {
        return abandoned;
    }
}
