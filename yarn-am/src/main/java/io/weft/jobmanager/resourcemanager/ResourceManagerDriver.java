package io.weft.jobmanager.resourcemanager;

/**
 * Where TaskManagers come from: fixed TaskManagers of the embedded cluster, or YARN containers. Methods are
 * called on the ResourceManager's main thread; new TaskManagers announce themselves by registering.
 */
public interface ResourceManagerDriver {
    /** Whether this driver can start TaskManagers on demand. */
    boolean canStartTaskManagers();

    /**
     * Whether TaskManagers may still register on their own (a standalone cluster), so that a request for more
     * slots than are free should wait rather than fail at once.
     */
    default boolean expectsMoreTaskManagers() {
        return canStartTaskManagers();
    }

    /** Starts TaskManagers offering at least {@code slots} more slots; they register when up. */
    void startTaskManagers(int slots);

    /** A description of the cluster's capacity for error messages ("2 TaskManagers x 3 slots"). */
    String describeCapacity();

    void close();
}
