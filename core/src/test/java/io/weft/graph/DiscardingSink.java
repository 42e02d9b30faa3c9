package io.weft.graph;

import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkContext;
import io.weft.api.connector.SinkWriter;

/** A sink that drops every record; graph translation never runs it. */
public final class DiscardingSink<T> implements Sink<T> {
    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T record) {
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
