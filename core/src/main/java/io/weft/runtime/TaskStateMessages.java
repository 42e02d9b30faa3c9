package io.weft.runtime;

import io.weft.api.JobID;
import io.weft.runtime.messages.TaskFailure;
import io.weft.runtime.messages.TaskStateUpdate;
import java.util.HashMap;
import java.util.Map;

/** Turns task state reports into their wire form ({@link TaskStateUpdate}) and back. Stateless. */
public final class TaskStateMessages {
    private TaskStateMessages() {
    }

    public static TaskStateUpdate toMessage(JobID jobId, TaskExecutionState state) {
        ErrorInfo e = state.error();
        TaskFailure failure = e == null ? null
                : new TaskFailure(e.exceptionClass(), e.message(), e.stackTrace(), e.fatal());
        return new TaskStateUpdate(jobId.toString(), state.attemptId().toString(), state.state().name(), failure,
                new HashMap<>(state.counters()));
    }

    /**
     * The report a message carries.
     *
     * @throws IllegalArgumentException naming the field when an id or the state is malformed
     */
    public static TaskExecutionState fromMessage(TaskStateUpdate message) {
        ExecutionState state;
        try {
            state = ExecutionState.valueOf(message.getState());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown task state '" + message.getState() + "'", e);
        }
        TaskFailure f = message.getFailure();
        ErrorInfo error = f == null ? null
                : new ErrorInfo(f.getExceptionClass(), f.getMessage(), f.getStackTrace(), f.getFatal());
        return new TaskExecutionState(HexIds.attemptId(message.getAttemptId()), state, error,
                Map.copyOf(message.getCounters()));
    }
}
