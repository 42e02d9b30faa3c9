package io.weft.runtime;

/** A slot granted to a job: its allocation, the TaskManager and the slot's index there. Immutable. */
public record SlotOffer(AllocationID allocationId, ResourceID taskManager, int slotIndex) {
}
