package io.weft.api.connector;

/**
 * Writes one subtask's records.
 *
 * <p>Life cycle, all on the task thread: {@link #write} for every record; {@link #finish} once when the input
 * has ended and the attempt succeeded — the moment to make the output visible atomically; {@link #close} always,
 * last. A writer closed without {@link #finish} (failure or cancellation) must leave no visible output behind.
 */
public interface SinkWriter<T> extends AutoCloseable {
    void write(T record) throws Exception;

    void finish() throws Exception;

    @Override
    void close() throws Exception;
}
