package io.weft.api.connector;

/**
 * A sink that drops every record: for jobs run for their side effects, benchmarks and tests. Its writers are used
 * by one task thread each and hold nothing.
 */
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
