package io.weft.api.connector;

/**
 * A sink of records: the contract between connectors and the engine. Each parallel sink subtask creates one
 * writer per attempt.
 */
public interface Sink<T> {
    SinkWriter<T> createWriter(SinkContext context) throws Exception;
}
