package io.weft.runtime.rpc.netty;

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
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RequestHandler;
import io.weft.runtime.rpc.RpcServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty {@link RpcServer}: one acceptor thread and a few NIO event loops; every accepted connection must pass
 * TLS (if enabled) and the secret handshake before its messages reach a handler.
 *
 * <h2>Threads</h2>
 * Thread-safe. Threads are named {@code weft-rpc-server-accept-*} and {@code weft-rpc-server-io-*}; all are
 * daemons and stop in {@link #close()}, which waits for them (bounded).
 */
final class NettyRpcServer implements RpcServer {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRpcServer.class);
    private static final int IO_THREADS = 2;
    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final HandlerRegistry registry = new HandlerRegistry();
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Channel serverChannel;
    private final InetSocketAddress address;

    private NettyRpcServer(String bindHost, int port, ClusterSecret secret, RpcSettings settings,
            Optional<TlsContexts> tls) {
        acceptor = EventLoops.create("weft-rpc-server-accept", 1);
        workers = EventLoops.create("weft-rpc-server-io", IO_THREADS);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        settings.serverWriteBufferLowWaterMark(), settings.serverWriteBufferHighWaterMark()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.closeFuture().addListener(f -> connections.remove(ch));
                        String server = Addresses.describe(ch.localAddress());
                        RpcPipelines.initialize(ch, tls.map(t -> t.newServerHandler(ch.alloc())).orElse(null),
                                new ServerHandshakeHandler(secret, settings,
                                        peer -> new ServerRequestHandler(registry, settings, peer, server)));
                    }
                });
        ChannelFuture bind = bootstrap.bind(bindHost, port);
        if (!bind.awaitUninterruptibly(CLOSE_TIMEOUT_MS) || !bind.isSuccess()) {
            EventLoops.shutdown(acceptor, workers);
            Throwable cause = bind.cause();
            throw new TransportException("Cannot start the RPC server on " + Addresses.describe(bindHost, port)
                    + ": " + (cause == null ? "binding timed out" : cause.toString())
                    + "; the port may be in use (choose another, or 0 for any free port)", cause);
        }
        serverChannel = bind.channel();
        address = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("RPC server listening on {}{}", Addresses.describe(address), tls.isPresent() ? " (TLS)" : "");
    }

    /** Binds a server; see {@link io.weft.runtime.rpc.RpcSystem#startServer}. */
    static NettyRpcServer start(String bindHost, int port, ClusterSecret secret, RpcSettings settings,
            Optional<TlsContexts> tls) {
        return new NettyRpcServer(bindHost, port, secret, settings, tls);
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public <T extends SpecificRecord> void registerHandler(Class<T> requestType, Executor executor,
            RequestHandler<? super T> handler) {
        registry.register(requestType, executor, handler);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverChannel.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        for (Channel connection : new ArrayList<>(connections)) {
            connection.close();
        }
        EventLoops.shutdown(acceptor, workers);
        LOG.info("RPC server on {} stopped", Addresses.describe(address));
    }
}
