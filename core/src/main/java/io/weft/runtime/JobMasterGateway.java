package io.weft.runtime;

/** What TaskManagers call on a JobMaster. Implementations hop onto the JobMaster's main thread. */
public interface JobMasterGateway extends TaskStateReporter {
    /** A TaskManager holding some of the job's slots is gone; its tasks count as failed. */
    void taskManagerLost(ResourceID taskManager, String cause);
}
