package io.weft.runtime.checkpoint;

import io.weft.api.JobID;
import io.weft.config.CheckpointingOptions;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Picks the checkpoint storage of a job from its configuration: the {@link CheckpointStorageFactory} found with
 * {@link ServiceLoader} (the {@code hdfs-checkpoint} module) when {@code execution.checkpointing.dir} is set, the
 * JobManager's memory otherwise. Stateless and thread-safe.
 */
public final class CheckpointStorages {
    private CheckpointStorages() {
    }

    /**
     * The JobManager's storage of {@code jobId}.
     *
     * @throws IllegalConfigurationException when a checkpoint directory is set but no factory is on the classpath
     */
    public static CheckpointStorage forJob(JobID jobId, Configuration configuration) {
        return forJob(jobId, configuration, factories(CheckpointStorages.class.getClassLoader()));
    }

    /**
     * A TaskManager's reader and writer of state bytes for a job with {@code configuration}: the factory's when
     * there is one (it also reads state files of savepoints), else the in-memory one.
     *
     * @throws IllegalConfigurationException when a checkpoint directory is set but no factory is on the classpath
     */
    public static CheckpointStateIO stateIO(Configuration configuration) {
        return stateIO(configuration, factories(CheckpointStorages.class.getClassLoader()));
    }

    static CheckpointStorage forJob(JobID jobId, Configuration configuration, List<CheckpointStorageFactory> found) {
        CheckpointStorageFactory factory = pick(configuration, found);
        if (configuration.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isPresent()) {
            return factory.forJob(jobId, configuration);
        }
        return new MemoryCheckpointStorage(jobId, factory == null ? null : factory.forJob(jobId, configuration));
    }

    static CheckpointStateIO stateIO(Configuration configuration, List<CheckpointStorageFactory> found) {
        CheckpointStorageFactory factory = pick(configuration, found);
        return factory == null ? new MemoryCheckpointStateIO() : factory.stateIO(configuration);
    }

    /** The one factory found, or null when there is none and none is needed. */
    private static CheckpointStorageFactory pick(Configuration configuration, List<CheckpointStorageFactory> found) {
        if (found.size() > 1) {
            throw new IllegalConfigurationException("More than one checkpoint storage is on the classpath ("
                    + found.stream().map(f -> f.getClass().getName()).collect(Collectors.joining(", "))
                    + "): keep one jar that provides " + CheckpointStorageFactory.class.getName());
        }
        if (found.isEmpty()) {
            configuration.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).ifPresent(dir -> {
                throw new IllegalConfigurationException(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key() + " is " + dir
                        + ", but no checkpoint storage over file systems is on the classpath: add the"
                        + " weft-hdfs-checkpoint module, or unset the key to keep checkpoints in the JobManager's"
                        + " memory");
            });
            return null;
        }
        return found.get(0);
    }

    private static List<CheckpointStorageFactory> factories(ClassLoader classLoader) {
        return ServiceLoader.load(CheckpointStorageFactory.class, classLoader).stream()
                .map(ServiceLoader.Provider::get).toList();
    }
}
