package io.weft.runtime.network;

import io.weft.config.Configuration;
import io.weft.runtime.ResourceID;
import java.net.InetSocketAddress;

/**
 * The data exchange of a TaskManager that shares its JVM with every TaskManager it exchanges data with (the
 * embedded cluster): its partitions are listed in a shared {@link PartitionDirectory}, and every input channel
 * reads its producer's subpartition directly. No network, no data address.
 *
 * <p>Thread-safe.
 */
public final class EmbeddedShuffleEnvironment implements ShuffleEnvironment {
    private final ResourceID taskManagerId;
    private final PartitionDirectory directory;
    private final NetworkBufferPool bufferPool;
    private final ResultPartitionManager partitions = new ResultPartitionManager();
    private final PartitionConnector connector;

    /** Sizes network memory from {@code taskmanager.memory.*} and registers the TaskManager in the directory. */
    public EmbeddedShuffleEnvironment(Configuration config, PartitionDirectory directory, ResourceID taskManagerId) {
        this.taskManagerId = taskManagerId;
        this.directory = directory;
        this.bufferPool = NetworkBufferPool.fromConfiguration(config);
        this.connector = new LocalPartitionConnector(directory::managerOf);
        directory.register(taskManagerId, partitions);
    }

    @Override
    public ResourceID taskManagerId() {
        return taskManagerId;
    }

    @Override
    public NetworkBufferPool bufferPool() {
        return bufferPool;
    }

    @Override
    public ResultPartitionManager partitionManager() {
        return partitions;
    }

    @Override
    public PartitionConnector connector() {
        return connector;
    }

    @Override
    public InetSocketAddress dataAddress() {
        return null;
    }

    @Override
    public void close() {
        directory.unregister(taskManagerId);
    }
}
