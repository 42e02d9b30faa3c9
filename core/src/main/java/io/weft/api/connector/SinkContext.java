package io.weft.api.connector;

import io.weft.api.JobID;
import io.weft.config.Configuration;

/** What a sink writer knows about the subtask that runs it. */
public interface SinkContext {
    JobID getJobId();

    int getSubtaskIndex();

    int getParallelism();

    int getAttemptNumber();

    Configuration getConfiguration();
}
