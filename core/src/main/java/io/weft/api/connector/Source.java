package io.weft.api.connector;

import io.weft.config.Configuration;

/**
 * A source of records: the contract between connectors and the engine.
 *
 * <p>Each parallel source subtask creates one reader, which decides deterministically from the subtask index and
 * the parallelism which share of the input it reads (for example every split whose index modulo the parallelism
 * is the subtask index), so that every restarted attempt reads the same records.
 */
public interface Source<T> {
    Boundedness getBoundedness();

    /**
     * Checks before the job is submitted that the input can be read (a path exists, a topic is reachable). An
     * exception fails the submission with its message, so the message must name the problem and the fix.
     */
    default void validate(Configuration configuration) throws Exception {
    }

    /** Creates the reader of one subtask; called on that subtask's thread. */
    SourceReader<T> createReader(SourceReaderContext context) throws Exception;
}
