package io.weft.runtime.network;

import io.weft.runtime.deployment.ResultPartitionID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The result partitions of one TaskManager, by id. A consumer may ask for a partition before its producer
 * registered it (tasks deploy concurrently): the future completes at registration. Requests for the same partition
 * share one future; a requester that stops waiting says so with {@link #abandonWaiting}, and the future is dropped
 * when nobody waits for it any more.
 *
 * <p>Thread-safe (one lock).
 */
public final class ResultPartitionManager {
    private final Map<ResultPartitionID, ResultPartition> partitions = new HashMap<>();
    private final Map<ResultPartitionID, Waiting> waiting = new HashMap<>();

    public void register(ResultPartition partition) {
        Waiting w;
        synchronized (this) {
            partitions.put(partition.id(), partition);
            w = waiting.remove(partition.id());
        }
        if (w != null) {
            w.future.complete(partition);
        }
    }

    /** The partition, now or once registered; completes on the registering thread. */
    public synchronized CompletableFuture<ResultPartition> getPartition(ResultPartitionID id) {
        ResultPartition p = partitions.get(id);
        if (p != null) {
            return CompletableFuture.completedFuture(p);
        }
        Waiting w = waiting.computeIfAbsent(id, k -> new Waiting());
        w.requests++;
        return w.future;
    }

    public synchronized void unregister(ResultPartitionID id) {
        partitions.remove(id);
        Waiting w = waiting.remove(id);
        if (w != null) {
            w.future.cancel(false);
        }
    }

    /** Forgets requests for partitions that will never come (their consumer is gone). */
    public synchronized void cancelWaiting(List<ResultPartitionID> ids) {
        for (ResultPartitionID id : new ArrayList<>(ids)) {
            Waiting w = waiting.remove(id);
            if (w != null) {
                w.future.cancel(false);
            }
        }
    }

    /**
     * One requester of {@code id} no longer waits for {@code future} (what {@link #getPartition} gave it): its
     * request timed out or its consumer is gone. When no other requester waits, the future is cancelled and
     * dropped. Does nothing when the future is no longer waiting (completed, or cancelled already).
     */
    public synchronized void abandonWaiting(ResultPartitionID id, CompletableFuture<ResultPartition> future) {
        Waiting w = waiting.get(id);
        if (w != null && w.future == future && --w.requests <= 0) {
            waiting.remove(id);
            w.future.cancel(false);
        }
    }

    public synchronized int numberOfPartitions() {
        return partitions.size();
    }

    /** Requests for how many partitions wait for their registration (for tests and metrics). */
    public synchronized int numberOfWaitingPartitions() {
        return waiting.size();
    }

    /** The shared future of the requests for one partition not registered yet, and how many requesters wait. */
    private static final class Waiting {
        final CompletableFuture<ResultPartition> future = new CompletableFuture<>();
        int requests;
    }
}
