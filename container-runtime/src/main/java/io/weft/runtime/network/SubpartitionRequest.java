package io.weft.runtime.network;

import io.weft.runtime.deployment.InputChannelDescriptor;

/**
 * What a consumer task asks a {@link PartitionConnector} for: one subpartition of the partition an input channel
 * reads. Immutable.
 *
 * @param subpartitionIndex the consumed subpartition of the channel's partition
 * @param consumer the consuming task's name, for messages
 * @param floatingBuffers the budget of floating receive buffers of the consumer's input gate (remote channels)
 */
public record SubpartitionRequest(InputChannelDescriptor channel, int subpartitionIndex, String consumer,
        FloatingBufferBudget floatingBuffers) {
}
