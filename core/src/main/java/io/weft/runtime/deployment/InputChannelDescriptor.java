package io.weft.runtime.deployment;

import io.weft.runtime.ResourceID;
import java.net.InetSocketAddress;

/**
 * One input channel: the producer partition to read, the TaskManager that holds it and that TaskManager's data
 * address (null when it runs in the consumer's JVM). Immutable.
 */
public record InputChannelDescriptor(ResultPartitionID partitionId, ResourceID producerLocation,
        InetSocketAddress producerDataAddress) {
    public InputChannelDescriptor(ResultPartitionID partitionId, ResourceID producerLocation) {
        this(partitionId, producerLocation, null);
    }
}
