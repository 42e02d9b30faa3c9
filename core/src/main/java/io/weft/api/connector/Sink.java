package io.weft.api.connector;

import io.weft.config.Configuration;

/**
 * A sink of records: the contract between connectors and the engine. Each parallel sink subtask creates one
 * writer per attempt.
 */
public interface Sink<T> {
    /**
     * Checks before the job is submitted that the output can be written (the directory can be created, a path is
     * not taken). An exception fails the submission with its message, so it must name the problem and the fix.
     */
    default void validate(Configuration configuration) throws Exception {
    }

    SinkWriter<T> createWriter(SinkContext context) throws Exception;
}
