package io.weft.runtime.checkpoint;

import io.weft.api.JobID;
import io.weft.config.Configuration;

/**
 * Creates the checkpoint storage configured by {@code execution.checkpointing.dir} and
 * {@code execution.checkpointing.savepoint-dir}. Found with {@link java.util.ServiceLoader}; the
 * {@code hdfs-checkpoint} module provides the one over Hadoop file systems. Thread-safe.
 */
public interface CheckpointStorageFactory {
    /** The JobManager's storage of one job. */
    CheckpointStorage forJob(JobID jobId, Configuration jobConfiguration);

    /** A TaskManager's reader and writer of state bytes, for jobs with {@code jobConfiguration}. */
    CheckpointStateIO stateIO(Configuration jobConfiguration);
}
