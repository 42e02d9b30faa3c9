package io.weft.runtime.network.netty;

import io.weft.runtime.ResourceID;
import io.weft.runtime.deployment.InputChannelDescriptor;
import io.weft.runtime.network.FloatingBufferBudget;
import io.weft.runtime.network.LocalPartitionConnector;
import io.weft.runtime.network.NetworkBufferPool;
import io.weft.runtime.network.PartitionConnector;
import io.weft.runtime.network.ReceiveBuffers;
import io.weft.runtime.network.ResultPartitionManager;
import io.weft.runtime.network.SubpartitionRequest;
import io.weft.runtime.network.SubpartitionView;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Connects the input channels of a TaskManager that runs in its own process: a channel whose producer is on this
 * TaskManager (same resource id, or no data address in its descriptor) reads the producer's subpartition directly,
 * exactly as in the embedded cluster; any other reads through the data connection to the producer's TaskManager,
 * into receive buffers of its own.
 *
 * <p>Thread-safe; called on consumer task threads (which may block briefly, to resolve a host name or take
 * receive buffers).
 */
final class NettyPartitionConnector implements PartitionConnector {
    private final ResourceID self;
    private final ResultPartitionManager partitions;
    private final NetworkBufferPool bufferPool;
    private final int exclusiveBuffers;
    private final ShuffleClient client;

    NettyPartitionConnector(ResourceID self, ResultPartitionManager partitions, NetworkBufferPool bufferPool,
            int exclusiveBuffers, ShuffleClient client) {
        this.self = self;
        this.partitions = partitions;
        this.bufferPool = bufferPool;
        this.exclusiveBuffers = exclusiveBuffers;
        this.client = client;
    }

    @Override
    public CompletableFuture<SubpartitionView> requestSubpartition(SubpartitionRequest request) {
        InputChannelDescriptor c = request.channel();
        if (c.producerLocation().equals(self) || c.producerDataAddress() == null) {
            if (!c.producerLocation().equals(self)) {
                throw new IllegalStateException("Input partition " + c.partitionId() + " of " + request.consumer()
                        + " is on TaskManager " + c.producerLocation() + ", but its deployment names no data"
                        + " address for that TaskManager: it cannot be read from this TaskManager (" + self + ")");
            }
            return LocalPartitionConnector.viewOf(partitions, c.partitionId(), request.subpartitionIndex());
        }
        InetSocketAddress address = resolved(c.producerDataAddress());
        FloatingBufferBudget floating = request.floatingBuffers();
        ReceiveBuffers buffers = ReceiveBuffers.allocate(bufferPool, exclusiveBuffers, floating,
                request.consumer() + " reading " + c.partitionId());
        DataConnection connection;
        try {
            connection = client.connectionTo(address);
        } catch (RuntimeException e) {
            buffers.destroy();
            throw e;
        }
        RemoteSubpartitionView view = new RemoteSubpartitionView(connection, client.nextReceiverId(),
                c.partitionId(), request.subpartitionIndex(), buffers, request.consumer());
        connection.register(view);
        return CompletableFuture.completedFuture(view);
    }

    /** The address with its host name resolved here, on the consumer's thread, never on an event loop. */
    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }
}
