package io.weft.runtime.network.netty;

import io.weft.config.Configuration;
import io.weft.runtime.ResourceID;
import io.weft.runtime.network.NetworkBufferPool;
import io.weft.runtime.network.PartitionConnector;
import io.weft.runtime.network.ResultPartitionManager;
import io.weft.runtime.network.ShuffleEnvironment;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.netty.AuthenticatedChannels;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The data exchange of a TaskManager running in its own process: a data server through which other TaskManagers
 * read this one's partitions, one shared client connection per remote TaskManager for its tasks' inputs, both
 * authenticated with the cluster secret (and TLS when {@code security.ssl.internal.enabled}), with credit-based
 * flow control; inputs from producers on this TaskManager stay local channels.
 *
 * <p>Life cycle: {@link #start} binds the server; {@link #close()} stops serving, fails the channels still
 * reading remote partitions, and stops every data plane thread (bounded wait). Thread-safe.
 */
public final class NettyShuffleEnvironment implements ShuffleEnvironment {
    private final ResourceID taskManagerId;
    private final NetworkBufferPool bufferPool;
    private final ResultPartitionManager partitions = new ResultPartitionManager();
    private final ShuffleServer server;
    private final ShuffleClient client;
    private final NettyPartitionConnector connector;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NettyShuffleEnvironment(Configuration config, ClusterSecret secret, ResourceID taskManagerId) {
        NettyShuffleSettings settings = NettyShuffleSettings.fromConfiguration(config);
        AuthenticatedChannels security = AuthenticatedChannels.create(config, secret, settings.maxFrameSize());
        this.taskManagerId = taskManagerId;
        this.bufferPool = NetworkBufferPool.fromConfiguration(config);
        this.server = new ShuffleServer(settings, security, partitions);
        this.client = new ShuffleClient(settings, security);
        this.connector = new NettyPartitionConnector(taskManagerId, partitions, bufferPool,
                settings.exclusiveBuffers(), client);
    }

    /**
     * Sizes network memory ({@code taskmanager.memory.*}) and starts the data server on
     * {@code taskmanager.data.bind-host}:{@code taskmanager.data.port}.
     *
     * @throws io.weft.config.IllegalConfigurationException naming the option when a value is unusable
     * @throws io.weft.api.TransportException naming the address when the server cannot bind
     */
    public static NettyShuffleEnvironment start(Configuration config, ClusterSecret secret,
            ResourceID taskManagerId) {
        return new NettyShuffleEnvironment(config, secret, taskManagerId);
    }

    @Override
    public ResourceID taskManagerId() {
        return taskManagerId;
    }

    @Override
    public NetworkBufferPool bufferPool() {
        return bufferPool;
    }

    @Override
    public ResultPartitionManager partitionManager() {
        return partitions;
    }

    @Override
    public PartitionConnector connector() {
        return connector;
    }

    /**
     * The bound address of the data server. When bound to the wildcard address, other TaskManagers need this
     * host's name or address with this port.
     */
    @Override
    public InetSocketAddress dataAddress() {
        return server.address();
    }

    /** Open client connections to other TaskManagers (for tests and metrics). */
    public int numberOfConnections() {
        return client.numberOfConnections();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                client.close();
            } finally {
                server.close();
            }
        }
    }
}
