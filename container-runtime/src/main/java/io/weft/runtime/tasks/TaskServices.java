package io.weft.runtime.tasks;

import io.weft.runtime.ResourceID;
import io.weft.runtime.network.NetworkBufferPool;
import io.weft.runtime.network.PartitionDirectory;
import io.weft.runtime.network.ResultPartitionManager;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The TaskManager services a task uses: network memory, partition registry, the directory of partition
 * managers of this JVM, and the shared timer thread. All thread-safe.
 *
 * @param buffersPerChannel buffers each subpartition may hold before the producer waits
 * @param floatingBuffers extra buffers per partition on top of those
 */
public record TaskServices(ResourceID taskManagerId, NetworkBufferPool bufferPool,
        ResultPartitionManager partitionManager, PartitionDirectory partitionDirectory,
        ScheduledExecutorService timerThread, int buffersPerChannel, int floatingBuffers) {
}
