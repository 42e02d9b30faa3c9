package io.weft.api.connector;

/**
 * A source of records: the contract between connectors and the engine.
 *
 * <p>Each parallel source subtask creates one reader, which decides deterministically from the subtask index and
 * the parallelism which share of the input it reads (for example every split whose index modulo the parallelism
 * is the subtask index), so that every restarted attempt reads the same records.
 */
public interface Source<T> {
    Boundedness getBoundedness();

    /** Creates the reader of one subtask; called on that subtask's thread. */
    SourceReader<T> createReader(SourceReaderContext context) throws Exception;
}
