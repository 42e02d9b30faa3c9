package io.weft.checkpoint.hdfs;

import io.weft.api.JobID;
import io.weft.config.Configuration;
import io.weft.runtime.checkpoint.CheckpointStateIO;
import io.weft.runtime.checkpoint.CheckpointStorage;
import io.weft.runtime.checkpoint.CheckpointStorageFactory;

/**
 * Creates checkpoint storage over Hadoop file systems; found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services}. Stateless and thread-safe.
 */
public final class FileSystemCheckpointStorageFactory implements CheckpointStorageFactory {
    @Override
    public CheckpointStorage forJob(JobID jobId, Configuration jobConfiguration) {
        return new FileSystemCheckpointStorage(jobId, jobConfiguration);
    }

    @Override
    public CheckpointStateIO stateIO(Configuration jobConfiguration) {
        return new FileSystemCheckpointStateIO(jobConfiguration);
    }
}
