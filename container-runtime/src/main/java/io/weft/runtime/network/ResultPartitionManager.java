package io.weft.runtime.network;

import io.weft.runtime.deployment.ResultPartitionID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The result partitions of one TaskManager, by id. A consumer may ask for a partition before its producer
 * registered it (tasks deploy concurrently): the future completes at registration.
 *
 * <p>Thread-safe (one lock).
 */
public final class ResultPartitionManager {
    private final Map<ResultPartitionID, ResultPartition> partitions = new HashMap<>();
    private final Map<ResultPartitionID, CompletableFuture<ResultPartition>> waiting = new HashMap<>();

    public void register(ResultPartition partition) {
        CompletableFuture<ResultPartition> w;
        synchronized (this) {
            partitions.put(partition.id(), partition);
            w = waiting.remove(partition.id());
        }
        if (w != null) {
            w.complete(partition);
        }
    }

    /** The partition, now or once registered; completes on the registering thread. */
    public synchronized CompletableFuture<ResultPartition> getPartition(ResultPartitionID id) {
        ResultPartition p = partitions.get(id);
        if (p != null) {
            return CompletableFuture.completedFuture(p);
        }
        return waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    public synchronized void unregister(ResultPartitionID id) {
        partitions.remove(id);
        CompletableFuture<ResultPartition> w = waiting.remove(id);
        if (w != null) {
            w.cancel(false);
        }
    }

    /** Forgets requests for partitions that will never come (their consumer is gone). */
    public synchronized void cancelWaiting(List<ResultPartitionID> ids) {
        for (ResultPartitionID id : new ArrayList<>(ids)) {
            CompletableFuture<ResultPartition> w = waiting.remove(id);
            if (w != null) {
                w.cancel(false);
            }
        }
    }

    public synchronized int numberOfPartitions() {
        return partitions.size();
    }
}
