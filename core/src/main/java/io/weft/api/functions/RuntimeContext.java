package io.weft.api.functions;

import io.weft.api.JobID;
import io.weft.api.state.KeyedStateStore;

/** What a running function may know about its task, and the door to keyed state (on keyed streams only). */
public interface RuntimeContext extends KeyedStateStore {
    JobID getJobId();

    String getTaskName();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    /** Which execution of this subtask this is: 0 for the first, one more for every restart. */
    int getAttemptNumber();

    /** The class loader of the job's code. */
    ClassLoader getUserCodeClassLoader();
}
