package io.weft.runtime.tasks;

import io.weft.runtime.ResourceID;
import io.weft.runtime.network.NetworkBufferPool;
import io.weft.runtime.network.PartitionConnector;
import io.weft.runtime.network.ResultPartitionManager;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The TaskManager services a task uses: network memory, the registry of the partitions it produces, the connector
 * to the partitions it reads (local or remote), and the shared timer thread. All thread-safe.
 *
 * @param buffersPerChannel buffers each subpartition may hold before the producer waits, and exclusive receive
 *     buffers of each remote input channel
 * @param floatingBuffers extra buffers per partition on top of those, and floating receive buffers per input gate
 */
public record TaskServices(ResourceID taskManagerId, NetworkBufferPool bufferPool,
        ResultPartitionManager partitionManager, PartitionConnector partitionConnector,
        ScheduledExecutorService timerThread, int buffersPerChannel, int floatingBuffers) {
}
