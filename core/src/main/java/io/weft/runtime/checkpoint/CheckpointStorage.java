package io.weft.runtime.checkpoint;

import java.io.IOException;

/**
 * The JobManager's view of where one job's checkpoints and savepoints live: creates the directory of a new
 * checkpoint, reads a completed one back for a restore, and deletes what is no longer needed. Implemented over
 * Hadoop {@code FileSystem} in the {@code hdfs-checkpoint} module, and kept in memory when no directory is set.
 *
 * <p>Layout: {@code <checkpoint dir>/<job id>/chk-<n>/_metadata} plus state files next to it; savepoints in
 * {@code <savepoint dir>/savepoint-<first 6 hex of the job id>-<random>/}. Methods do I/O and may block: call them
 * off the JobMaster's main thread. Thread-safe.
 */
public interface CheckpointStorage {
    /** Creates the directory of checkpoint {@code checkpointId}; fails when it exists already. */
    CheckpointStorageLocation initializeCheckpoint(long checkpointId) throws IOException;

    /**
     * Creates the directory of a savepoint under {@code targetDirectory}, or under the configured savepoint
     * directory when that is null.
     *
     * @throws IllegalArgumentException when neither is given, naming {@code execution.checkpointing.savepoint-dir}
     */
    CheckpointStorageLocation initializeSavepoint(long checkpointId, String targetDirectory) throws IOException;

    /**
     * Reads the completed checkpoint or savepoint at {@code pointer} (its directory or its {@code _metadata} file),
     * with the paths of its state files made absolute against where it was found.
     *
     * @throws java.io.FileNotFoundException naming the path when there is no {@code _metadata}
     * @throws IOException naming the path when it cannot be read or is not a Weft checkpoint
     */
    CompletedCheckpointHandle resolve(String pointer) throws IOException;

    /** Deletes a checkpoint's or savepoint's whole directory. */
    void discard(String pointer) throws IOException;

    /** Deletes {@code <checkpoint dir>/<job id>/} and everything under it (the job ended, nothing retained). */
    void discardJobDirectory() throws IOException;

    /** Whether checkpoints of this storage survive the JobManager (files), or live in its memory only. */
    boolean isDurable();
}
