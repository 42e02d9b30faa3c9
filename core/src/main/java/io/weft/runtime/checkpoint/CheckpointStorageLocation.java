package io.weft.runtime.checkpoint;

import java.io.IOException;

/**
 * The directory of one checkpoint or savepoint being taken, as the JobManager sees it: where tasks write their
 * state files ({@link #pointer()} travels to them with the barrier) and where the coordinator commits
 * {@code _metadata}. Thread-safe.
 */
public interface CheckpointStorageLocation {
    /** The directory, as a Hadoop path URI; "" for state kept in the JobManager's memory. */
    String pointer();

    /**
     * Writes {@code _metadata} atomically: to a temporary name first, then renamed; an existing {@code _metadata}
     * is never overwritten.
     *
     * @return the external pointer of the completed checkpoint (its directory)
     */
    String commitMetadata(CheckpointMetadata metadata) throws IOException;

    /** Deletes the directory and every state file in it (the checkpoint was aborted or subsumed). */
    void discard() throws IOException;
}
