package io.weft.runtime;

/** What TaskManagers call on a JobMaster. Implementations hop onto the JobMaster's main thread. */
public interface JobMasterGateway {
    /** A task changed state (INITIALIZING, RUNNING, FINISHED, CANCELED, FAILED). */
    void updateTaskExecutionState(TaskExecutionState state);
}
