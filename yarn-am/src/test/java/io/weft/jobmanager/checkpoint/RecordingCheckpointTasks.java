package io.weft.jobmanager.checkpoint;

import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.OperatorID;
import io.weft.runtime.checkpoint.CheckpointOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running tasks of a coordinator test: one source and one sink attempt, each with one operator at
 * parallelism 1; calls to them are logged. {@link #setRunning} switches whether a plan is available. Used on the
 * coordinator's main thread.
 */
final class RecordingCheckpointTasks implements CheckpointTasks {
    final ExecutionAttemptID source = new ExecutionAttemptID();
    final ExecutionAttemptID sink = new ExecutionAttemptID();
    final OperatorID sourceOperator = new OperatorID(1, 1);
    final OperatorID sinkOperator = new OperatorID(2, 2);
    private final EventLog log;
    private volatile boolean running = true;
    volatile CheckpointOptions lastOptions;

    RecordingCheckpointTasks(EventLog log) {
        this.log = log;
    }

    void setRunning(boolean running) {
        this.running = running;
    }

    @Override
    public Optional<CheckpointPlan> plan(StringBuilder whyNot) {
        if (!running) {
            whyNot.append("task Sink (1/1) is DEPLOYING, not RUNNING");
            return Optional.empty();
        }
        Map<ExecutionAttemptID, CheckpointPlan.TaskInfo> ack = new HashMap<>();
        ack.put(source, new CheckpointPlan.TaskInfo("Source (1/1)", 0,
                List.of(new CheckpointPlan.OperatorInfo(sourceOperator, 1, 128))));
        ack.put(sink, new CheckpointPlan.TaskInfo("Sink (1/1)", 0,
                List.of(new CheckpointPlan.OperatorInfo(sinkOperator, 1, 128))));
        return Optional.of(new CheckpointPlan(List.of(source), ack));
    }

    @Override
    public void triggerCheckpoint(ExecutionAttemptID task, long checkpointId, long timestamp,
            CheckpointOptions options) {
        lastOptions = options;
        log.add("trigger " + checkpointId + " " + name(task));
    }

    @Override
    public void notifyCheckpointComplete(ExecutionAttemptID task, long checkpointId) {
        log.add("complete " + checkpointId + " " + name(task));
    }

    @Override
    public void notifyCheckpointAborted(ExecutionAttemptID task, long checkpointId) {
        log.add("aborted " + checkpointId + " " + name(task));
    }

    String name(ExecutionAttemptID task) {
        return task.equals(source) ? "source" : task.equals(sink) ? "sink" : task.toString();
    }
}
