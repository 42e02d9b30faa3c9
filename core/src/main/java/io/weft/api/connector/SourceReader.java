package io.weft.api.connector;

import java.util.concurrent.CompletableFuture;

/**
 * Reads one subtask's share of a source, without blocking: the engine calls {@link #pollNext} on the task
 * thread, which emits a bounded number of records and says whether more are available now.
 *
 * <p>Life cycle: {@link #open} once, {@link #pollNext} until it returns {@link InputStatus#END_OF_INPUT} or the
 * task is cancelled, {@link #close} always.
 */
public interface SourceReader<T> extends AutoCloseable {
    default void open() throws Exception {
    }

    /** Emits at most a small batch of records (a line, a block) into the output. */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /**
     * Completes when a poll would find data again after {@link InputStatus#NOTHING_AVAILABLE}; may be completed by
     * any thread.
     */
    default CompletableFuture<Void> isAvailable() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    default void close() throws Exception {
    }
}
