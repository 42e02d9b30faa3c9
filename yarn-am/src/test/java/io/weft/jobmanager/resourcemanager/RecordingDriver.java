package io.weft.jobmanager.resourcemanager;

import io.weft.runtime.ResourceID;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * A driver that can start TaskManagers but only records what it is asked (for tests that play the TaskManagers
 * themselves): missing slots, surplus cancellations, registrations and releases; it refuses registrations when
 * told to. Thread-safe lists.
 */
final class RecordingDriver implements ResourceManagerDriver {
    final List<Integer> started = new CopyOnWriteArrayList<>();
    final List<Integer> cancelled = new CopyOnWriteArrayList<>();
    final List<ResourceID> registered = new CopyOnWriteArrayList<>();
    final List<ResourceID> released = new CopyOnWriteArrayList<>();
    private final Duration idleTimeout;
    volatile ResourceManagerActions actions;
    volatile boolean refuseRegistrations;

    /** @param idleTimeout the idle TaskManager timeout, null for none */
    RecordingDriver(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void initialize(ResourceManagerActions resourceManagerActions, Executor mainThread) {
        this.actions = resourceManagerActions;
    }

    @Override
    public boolean canStartTaskManagers() {
        return true;
    }

    @Override
    public void startTaskManagers(int missingSlots) {
        started.add(missingSlots);
    }

    @Override
    public void cancelSurplusRequests(int missingSlots) {
        cancelled.add(missingSlots);
    }

    @Override
    public boolean acceptsRegistration(ResourceID id) {
        return !refuseRegistrations;
    }

    @Override
    public void taskManagerRegistered(ResourceID id) {
        registered.add(id);
    }

    @Override
    public Optional<Duration> idleTaskManagerTimeout() {
        return Optional.ofNullable(idleTimeout);
    }

    @Override
    public void releaseTaskManager(ResourceID id) {
        released.add(id);
    }

    @Override
    public String describeCapacity() {
        return "recorded TaskManagers";
    }

    @Override
    public void close() {
    }
}
