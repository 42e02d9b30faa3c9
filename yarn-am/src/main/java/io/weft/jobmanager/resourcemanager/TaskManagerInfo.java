package io.weft.jobmanager.resourcemanager;

import io.weft.runtime.ResourceID;

/** A registered TaskManager as the ResourceManager sees it. Immutable. */
public record TaskManagerInfo(ResourceID id, int slotsNumber, int freeSlots) {
}
