package io.weft.jobmanager.checkpoint;

import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.checkpoint.CheckpointOptions;
import java.util.Optional;

/**
 * What the checkpoint coordinator needs of the job's running tasks: a plan (only when every task runs) and the
 * calls that reach a task attempt. Called on the JobMaster's main thread; the calls return without waiting.
 */
public interface CheckpointTasks {
    /** The plan of a checkpoint now, or empty when some task is not RUNNING (with why, for the log). */
    Optional<CheckpointPlan> plan(StringBuilder whyNot);

    void triggerCheckpoint(ExecutionAttemptID source, long checkpointId, long timestamp, CheckpointOptions options);

    void notifyCheckpointComplete(ExecutionAttemptID task, long checkpointId);

    void notifyCheckpointAborted(ExecutionAttemptID task, long checkpointId);
}
