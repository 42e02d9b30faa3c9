package io.weft.api.connector;

import io.weft.config.Configuration;

/** What a source reader knows about the subtask that runs it. */
public interface SourceReaderContext {
    int getSubtaskIndex();

    int getParallelism();

    int getAttemptNumber();

    /** The job's configuration (cluster configuration plus the job's own settings). */
    Configuration getConfiguration();

    ClassLoader getUserCodeClassLoader();
}
