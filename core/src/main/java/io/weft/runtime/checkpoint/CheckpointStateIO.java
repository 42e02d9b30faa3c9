package io.weft.runtime.checkpoint;

import java.io.IOException;

/**
 * A TaskManager's view of checkpoint storage: stores the bytes of a snapshot (inline when small, else as a new
 * file in the checkpoint's directory) and reads them back on restore. Thread-safe; called from the asynchronous
 * snapshot threads and the task threads.
 */
public interface CheckpointStateIO {
    /**
     * Stores {@code data}: inline when it is at most the inline threshold or {@code location} is "" (state kept in
     * the JobManager's memory), else in a new file under {@code location}.
     *
     * @param location the checkpoint's directory ({@link CheckpointStorageLocation#pointer()})
     */
    StreamStateHandle store(String location, byte[] data) throws IOException;

    /** Reads all bytes of {@code handle}; a file handle must be absolute. */
    byte[] read(StreamStateHandle handle) throws IOException;
}
