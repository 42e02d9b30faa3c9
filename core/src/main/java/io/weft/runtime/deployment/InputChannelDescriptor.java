package io.weft.runtime.deployment;

import io.weft.runtime.ResourceID;

/** One input channel: the producer partition to read and the TaskManager that holds it. Immutable. */
public record InputChannelDescriptor(ResultPartitionID partitionId, ResourceID producerLocation) {
}
