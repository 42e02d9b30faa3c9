package io.weft.jobmanager.resourcemanager;

import io.weft.runtime.ResourceID;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Where TaskManagers come from: fixed TaskManagers of the embedded cluster, TaskManagers started by hand, or YARN
 * containers. Methods are called on the ResourceManager's main thread; new TaskManagers announce themselves by
 * registering, and a driver reports back through {@link ResourceManagerActions} on that same thread.
 */
public interface ResourceManagerDriver {
    /**
     * Called once by the ResourceManager before anything else.
     *
     * @param actions what the driver may ask of the ResourceManager, only on {@code mainThread}
     * @param mainThread the ResourceManager's main thread, for the driver's own callbacks to hop onto
     */
    default void initialize(ResourceManagerActions actions, Executor mainThread) {
    }

    /** Whether this driver can start TaskManagers on demand. */
    boolean canStartTaskManagers();

    /**
     * Whether TaskManagers may still register on their own (a standalone cluster), so that a request for more
     * slots than are free should wait rather than fail at once.
     */
    default boolean expectsMoreTaskManagers() {
        return canStartTaskManagers();
    }

    /**
     * Makes sure TaskManagers offering at least {@code missingSlots} slots beyond the registered ones are started
     * or on their way (the total for every waiting request, so a driver starts only what is not yet coming).
     *
     * @throws NotEnoughSlotsException when the driver can start no more TaskManagers (the message says why)
     */
    void startTaskManagers(int missingSlots);

    /**
     * Whether a TaskManager may register: a driver that starts TaskManagers refuses those it did not start or
     * already released (a released process may try to register again before it stops).
     */
    default boolean acceptsRegistration(ResourceID id) {
        return true;
    }

    /**
     * Fewer slots are missing than before (a request was withdrawn): the driver may cancel requests for
     * TaskManagers not yet started beyond what {@code missingSlots} needs.
     */
    default void cancelSurplusRequests(int missingSlots) {
    }

    /** A TaskManager this driver may have started registered. */
    default void taskManagerRegistered(ResourceID id) {
    }

    /** How long a TaskManager with only free slots is kept before {@link #releaseTaskManager}; empty: forever. */
    default Optional<Duration> idleTaskManagerTimeout() {
        return Optional.empty();
    }

    /** Stops a TaskManager the ResourceManager no longer needs (it holds no slots and was forgotten). */
    default void releaseTaskManager(ResourceID id) {
    }

    /** A description of the cluster's capacity for error messages ("2 TaskManagers x 3 slots"). */
    String describeCapacity();

    void close();
}
