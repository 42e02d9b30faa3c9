package io.weft.runtime.network;

import java.util.concurrent.CompletableFuture;

/**
 * Connects a consumer task's input channels to the subpartitions they read, wherever the producer runs: directly
 * to the {@link ResultSubpartition} when it is on this TaskManager (or, embedded, in this JVM), through the data
 * plane when it is on another TaskManager.
 *
 * <p>Thread-safe; called on consumer task threads.
 */
public interface PartitionConnector {
    /**
     * Asks for the view of one subpartition. The future completes once the view can be read — for a local producer
     * when it registers its partition (on the registering thread), for a remote one at once (the view fills as data
     * arrives, and its poll reports a lost connection or a partition that never appeared). Cancelling the future
     * withdraws a request that still waits.
     *
     * @throws IllegalStateException naming the producer's TaskManager when it cannot be reached from here at all
     */
    CompletableFuture<SubpartitionView> requestSubpartition(SubpartitionRequest request);
}
