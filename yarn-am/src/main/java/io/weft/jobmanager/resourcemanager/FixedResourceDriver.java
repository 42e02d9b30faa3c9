package io.weft.jobmanager.resourcemanager;

/**
 * The driver of a cluster whose TaskManagers are fixed (the embedded cluster, a standalone cluster): it cannot
 * start TaskManagers.
 */
public final class FixedResourceDriver implements ResourceManagerDriver {
    private final String capacity;

    public FixedResourceDriver(int taskManagers, int slotsPerTaskManager) {
        this.capacity = taskManagers + " TaskManager" + (taskManagers == 1 ? "" : "s") + " x " + slotsPerTaskManager
                + " slot" + (slotsPerTaskManager == 1 ? "" : "s");
    }

    @Override
    public boolean canStartTaskManagers() {
        return false;
    }

    @Override
    public void startTaskManagers(int slots) {
        throw new UnsupportedOperationException("A fixed cluster cannot start TaskManagers");
    }

    @Override
    public String describeCapacity() {
        return capacity;
    }

    @Override
    public void close() {
    }
}
