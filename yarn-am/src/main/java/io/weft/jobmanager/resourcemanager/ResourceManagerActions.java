package io.weft.jobmanager.resourcemanager;

import io.weft.runtime.ResourceID;

/**
 * What a {@link ResourceManagerDriver} tells the ResourceManager about the TaskManagers it started. Every method
 * must be called on the ResourceManager's main thread (the executor handed to the driver).
 */
public interface ResourceManagerActions {
    /** The TaskManager's process ended: its slots are forgotten at once and the jobs holding some are told. */
    void taskManagerGone(ResourceID id, String cause);

    /** A TaskManager on its way will not come (it failed to start): ask the driver again for what is missing. */
    void requestMissingTaskManagers();

    /** No more TaskManagers will come: every request waiting for slots fails with {@code cause}. */
    void failPendingRequests(String cause);
}
