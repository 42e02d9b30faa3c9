package io.weft.runtime.deployment;

import io.weft.runtime.ResourceID;
import java.net.InetSocketAddress;

/**
 * One input channel: the producer partition to read, the TaskManager that holds it, and where that TaskManager
 * serves its partitions to others. Immutable.
 *
 * @param producerDataAddress the data server of the producer's TaskManager, or null when the producer runs in this
 *     JVM (the embedded cluster) — the consumer then reads the partition through a local channel
 */
public record InputChannelDescriptor(ResultPartitionID partitionId, ResourceID producerLocation,
        InetSocketAddress producerDataAddress) {

    /** A channel to a producer in the same JVM (no data address). */
    public InputChannelDescriptor(ResultPartitionID partitionId, ResourceID producerLocation) {
        this(partitionId, producerLocation, null);
    }
}
