package io.weft.runtime;

import java.net.InetSocketAddress;

/**
 * A slot granted to a job: its allocation, the TaskManager and the slot's index there, and the TaskManager's data
 * address (null for a TaskManager in the JobManager's JVM). Immutable.
 */
public record SlotOffer(AllocationID allocationId, ResourceID taskManager, int slotIndex,
        InetSocketAddress dataAddress) {
    public SlotOffer(AllocationID allocationId, ResourceID taskManager, int slotIndex) {
        this(allocationId, taskManager, slotIndex, null);
    }
}
