package io.weft.runtime.checkpoint;

import io.weft.api.JobID;
import io.weft.config.CheckpointingOptions;
import java.io.IOException;
import java.util.Objects;

/**
 * Checkpoint storage of one job in the JobManager's memory, used when {@code execution.checkpointing.dir} is not set
 * (Flink's {@code JobManagerCheckpointStorage}): locations have the pointer "", tasks therefore send all state
 * inline, and a committed checkpoint is kept only by the coordinator that holds its metadata. Thread-safe (it holds
 * no mutable state).
 *
 * <p>Savepoints and restores from a path need files: they go to the file storage {@code files} when the
 * {@code hdfs-checkpoint} module is on the classpath, and are refused otherwise.
 */
public final class MemoryCheckpointStorage implements CheckpointStorage {
    /** The external pointer of a checkpoint kept in the JobManager's memory: it names no file. */
    public static final String JOB_MANAGER_POINTER = "<jobmanager>";

    private final JobID jobId;
    private final CheckpointStorage files;

    /**
     * @param files the file storage for savepoints and restores from a path, or null when there is none (no
     *     {@code hdfs-checkpoint} module)
     */
    public MemoryCheckpointStorage(JobID jobId, CheckpointStorage files) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.files = files;
    }

    @Override
    public CheckpointStorageLocation initializeCheckpoint(long checkpointId) {
        return new InMemoryLocation();
    }

    @Override
    public CheckpointStorageLocation initializeSavepoint(long checkpointId, String targetDirectory)
            throws IOException {
        if (files == null) {
            throw new IllegalArgumentException("Savepoint " + checkpointId + " of job " + jobId + " cannot be taken:"
                    + " savepoints are files, and no file checkpoint storage is on the classpath; add the"
                    + " weft-hdfs-checkpoint module and set " + CheckpointingOptions.SAVEPOINT_DIRECTORY.key()
                    + " (or " + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key() + ")");
        }
        return files.initializeSavepoint(checkpointId, targetDirectory);
    }

    @Override
    public CompletedCheckpointHandle resolve(String pointer) throws IOException {
        if (JOB_MANAGER_POINTER.equals(pointer)) {
            throw new IOException("Checkpoint " + pointer + " of job " + jobId + " was kept in the memory of a"
                    + " JobManager and cannot be read back; set " + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()
                    + " for checkpoints that survive the JobManager");
        }
        if (files == null) {
            throw new IOException("Checkpoint or savepoint " + pointer + " cannot be read: no file checkpoint storage"
                    + " is on the classpath; add the weft-hdfs-checkpoint module");
        }
        return files.resolve(pointer);
    }

    @Override
    public void discard(String pointer) throws IOException {
        if (files != null && !JOB_MANAGER_POINTER.equals(pointer)) {
            files.discard(pointer);
        }
    }

    @Override
    public void discardJobDirectory() {
        // nothing of this job is on disk: its savepoints belong to the user
    }

    @Override
    public boolean isDurable() {
        return false;
    }

    /** A checkpoint whose state is all inline and whose metadata stays with the coordinator. */
    private static final class InMemoryLocation implements CheckpointStorageLocation {
        @Override
        public String pointer() {
            return "";
        }

        @Override
        public String commitMetadata(CheckpointMetadata metadata) {
            Objects.requireNonNull(metadata, "metadata");
            return JOB_MANAGER_POINTER;
        }

        @Override
        public void discard() {
            // nothing was written
        }
    }
}
