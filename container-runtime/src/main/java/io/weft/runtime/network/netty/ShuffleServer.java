package io.weft.runtime.network.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.weft.api.TransportException;
import io.weft.runtime.network.ResultPartitionManager;
import io.weft.runtime.rpc.netty.AuthenticatedChannels;
import io.weft.runtime.rpc.netty.EventLoops;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data server of one TaskManager: accepts connections from other TaskManagers and, once each has passed TLS
 * (if enabled) and proven the cluster secret, serves this TaskManager's result partitions over it (see
 * {@link PartitionRequestServerHandler}). A peer that fails authentication, sends garbage or announces an
 * oversized frame is dropped and logged; the others are unaffected.
 *
 * <h2>Threads</h2>
 * Thread-safe. One acceptor thread ({@code weft-data-server-accept-*}) and
 * {@code taskmanager.network.netty.server.numThreads} event loops ({@code weft-data-server-io-*}), all daemons,
 * stopped by {@link #close()}, which waits for them (bounded).
 */
final class ShuffleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShuffleServer.class);
    private static final long BIND_TIMEOUT_MS = 10_000;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Channel serverChannel;
    private final InetSocketAddress address;

    /**
     * Binds {@code taskmanager.data.bind-host}:{@code taskmanager.data.port}.
     *
     * @throws TransportException naming the address when it cannot be bound
     */
    ShuffleServer(NettyShuffleSettings settings, AuthenticatedChannels security, ResultPartitionManager partitions) {
        acceptor = EventLoops.create("weft-data-server-accept", 1);
        workers = EventLoops.create("weft-data-server-io", settings.serverThreads());
        int highWaterMark = Math.max(64 * 1024, 4 * settings.segmentSize());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(highWaterMark / 2, highWaterMark))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.closeFuture().addListener(f -> connections.remove(ch));
                        String self = AuthenticatedChannels.describe(ch.localAddress());
                        security.initServerChannel(ch,
                                peer -> new PartitionRequestServerHandler(partitions, settings, peer, self));
                    }
                });
        String where = settings.bindHost() + ":" + settings.port();
        ChannelFuture bind = bootstrap.bind(settings.bindHost(), settings.port());
        if (!bind.awaitUninterruptibly(BIND_TIMEOUT_MS) || !bind.isSuccess()) {
            EventLoops.shutdown(acceptor, workers);
            Throwable cause = bind.cause();
            throw new TransportException("Cannot start the TaskManager data server on " + where + ": "
                    + (cause == null ? "binding timed out" : cause.toString()) + "; the port may be in use (set"
                    + " taskmanager.data.port to another, or 0 for any free port) or taskmanager.data.bind-host may"
                    + " not be an address of this host", cause);
        }
        serverChannel = bind.channel();
        address = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("TaskManager data server listening on {}{}", AuthenticatedChannels.describe(address),
                security.tlsEnabled() ? " (TLS)" : "");
    }

    InetSocketAddress address() {
        return address;
    }

    /** Closes the listening socket and every connection (their consumers see the TaskManager as lost). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverChannel.close().awaitUninterruptibly(BIND_TIMEOUT_MS);
        for (Channel connection : new ArrayList<>(connections)) {
            connection.close();
        }
        EventLoops.shutdown(acceptor, workers);
        LOG.info("TaskManager data server on {} stopped", AuthenticatedChannels.describe(address));
    }
}
