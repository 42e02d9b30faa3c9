package io.weft.runtime.network;

import io.weft.runtime.ResourceID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the partition manager of a TaskManager by its resource id, for TaskManagers that share this JVM (the
 * embedded cluster): their tasks exchange buffers through local channels. Thread-safe.
 */
public final class PartitionDirectory {
    private final Map<ResourceID, ResultPartitionManager> managers = new ConcurrentHashMap<>();

    public void register(ResourceID taskManager, ResultPartitionManager manager) {
        managers.put(taskManager, manager);
    }

    public void unregister(ResourceID taskManager) {
        managers.remove(taskManager);
    }

    /**
     * The partition manager of a TaskManager in this JVM.
     *
     * @throws IllegalStateException naming the TaskManager when it is not (or no longer) here
     */
    public ResultPartitionManager managerOf(ResourceID taskManager) {
        ResultPartitionManager m = managers.get(taskManager);
        if (m == null) {
            throw new IllegalStateException("TaskManager " + taskManager + " holding an input partition is not"
                    + " reachable: it may have been lost");
        }
        return m;
    }
}
