package io.weft.examples;

import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkContext;
import io.weft.api.connector.SinkWriter;

/**
 * A sink that drops every record: the end of a pipeline that exists to exercise the engine, not to produce
 * output. Stateless; each writer is used by its subtask's task thread.
 */
public final class DiscardingSink<T> implements Sink<T> {
    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T record) {
                // Dropped on purpose.
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        };
    }
}
