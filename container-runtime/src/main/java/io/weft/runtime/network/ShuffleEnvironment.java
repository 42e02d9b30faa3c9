package io.weft.runtime.network;

import io.weft.runtime.ResourceID;
import java.net.InetSocketAddress;

/**
 * The data exchange services of one TaskManager: its network memory, the registry of the partitions its tasks
 * produce, and the connector through which its tasks read their inputs. {@link EmbeddedShuffleEnvironment} serves
 * TaskManagers sharing one JVM; the Netty environment ({@code io.weft.runtime.network.netty}) serves TaskManagers in
 * separate processes.
 *
 * <p>Thread-safe. Owned by its TaskManager, which closes it last.
 */
public interface ShuffleEnvironment extends AutoCloseable {
    /** The TaskManager this environment serves. */
    ResourceID taskManagerId();

    NetworkBufferPool bufferPool();

    ResultPartitionManager partitionManager();

    PartitionConnector connector();

    /**
     * Where other TaskManagers read this one's partitions (the bound address of its data server), or null when
     * embedded.
     */
    InetSocketAddress dataAddress();

    /** Stops serving partitions and drops connections; closing again does nothing. */
    @Override
    void close();
}
