package io.weft.jobmanager.resourcemanager;

/**
 * The driver of a standalone cluster: TaskManagers are started by hand or by scripts and register on their own,
 * so a request for more slots than are free waits (up to {@code slot.request.timeout}) instead of failing.
 */
public final class StandaloneResourceDriver implements ResourceManagerDriver {
    @Override
    public boolean canStartTaskManagers() {
        return false;
    }

    @Override
    public boolean expectsMoreTaskManagers() {
        return true;
    }

    @Override
    public void startTaskManagers(int slots) {
        throw new UnsupportedOperationException("A standalone cluster cannot start TaskManagers: start them with"
                + " taskmanager.sh");
    }

    @Override
    public String describeCapacity() {
        return "TaskManagers of a standalone cluster, started with taskmanager.sh";
    }

    @Override
    public void close() {
    }
}
