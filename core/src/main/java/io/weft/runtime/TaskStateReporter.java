package io.weft.runtime;

/** Where a task reports its state changes: its JobMaster, directly or over RPC. Called from task threads. */
@FunctionalInterface
public interface TaskStateReporter {
    /** A task changed state (INITIALIZING, RUNNING, FINISHED, CANCELED, FAILED). */
    void updateTaskExecutionState(TaskExecutionState state);
}
