package io.weft.runtime.network;

import io.weft.runtime.ResourceID;
import io.weft.runtime.deployment.ResultPartitionID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Connects input channels to producer subpartitions in this JVM: the channel reads the producer's
 * {@link ResultSubpartition} itself — no copy, no network. Finds the producer's partition manager through a
 * lookup by TaskManager (the {@link PartitionDirectory} of an embedded cluster, or this TaskManager's own).
 *
 * <p>Thread-safe.
 */
public final class LocalPartitionConnector implements PartitionConnector {
    private final Function<ResourceID, ResultPartitionManager> managers;

    /** @param managers the partition manager of a TaskManager; throws IllegalStateException when unknown */
    public LocalPartitionConnector(Function<ResourceID, ResultPartitionManager> managers) {
        this.managers = managers;
    }

    @Override
    public CompletableFuture<SubpartitionView> requestSubpartition(SubpartitionRequest request) {
        ResultPartitionManager manager = managers.apply(request.channel().producerLocation());
        return viewOf(manager, request.channel().partitionId(), request.subpartitionIndex());
    }

    /**
     * The subpartition of a partition of {@code manager}, once registered; cancelling the returned future abandons
     * the wait.
     */
    public static CompletableFuture<SubpartitionView> viewOf(ResultPartitionManager manager, ResultPartitionID id,
            int subpartitionIndex) {
        CompletableFuture<ResultPartition> partition = manager.getPartition(id);
        CompletableFuture<SubpartitionView> view = partition.thenApply(p -> p.subpartition(subpartitionIndex));
        view.whenComplete((v, t) -> {
            if (t instanceof CancellationException) {
                manager.abandonWaiting(id, partition);
            }
        });
        return view;
    }
}
