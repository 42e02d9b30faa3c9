package io.weft.jobmanager.resourcemanager;

/**
 * Where TaskManagers come from: fixed TaskManagers of the embedded cluster, or YARN containers. Methods are
 * called on the ResourceManager's main thread; new TaskManagers announce themselves by registering.
 */
public interface ResourceManagerDriver {
    /** Whether this driver can start TaskManagers on demand. */
    boolean canStartTaskManagers();

    /** Starts TaskManagers offering at least {@code slots} more slots; they register when up. */
    void startTaskManagers(int slots);

    /** A description of the cluster's capacity for error messages ("2 TaskManagers x 3 slots"). */
    String describeCapacity();

    void close();
}
