package io.weft.jobmanager.rest.netty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.weft.api.WeftException;
import io.weft.jobmanager.rest.RestRouter;
import io.weft.runtime.rpc.RestToken;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP transport of the REST endpoint: a Netty server (NIO) that decodes HTTP/1.1 requests, refuses those that
 * change state without the cluster's token (before any body is read), streams file uploads to disk and aggregates
 * other (small) bodies, both up to a limit, and hands each request to a {@link RestRouter}, writing its JSON answer.
 *
 * <h2>Threading and life cycle</h2>
 * One acceptor thread ({@code weft-rest-boss-*}) and {@value #IO_THREADS} I/O threads ({@code weft-rest-io-*}) that
 * only parse requests and write answers; handlers answer with futures and never block them. {@link #start} binds
 * (blocking its caller until bound); {@link #close()} closes the listening socket and stops the threads, waiting
 * a few seconds at most. Neither may be called from an event loop.
 */
public final class NettyRestServer implements AutoCloseable {
    private static final int IO_THREADS = 2;
    /** The largest body of a request that is not a file upload (a JSON body): it is held in memory. */
    static final int MAX_AGGREGATED_LENGTH = 1 << 20;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup ioGroup;
    private final Channel serverChannel;

    private NettyRestServer(EventLoopGroup bossGroup, EventLoopGroup ioGroup, Channel serverChannel) {
        this.bossGroup = bossGroup;
        this.ioGroup = ioGroup;
        this.serverChannel = serverChannel;
    }

    /**
     * Starts listening.
     *
     * @param port the port, or 0 for a free one (see {@link #boundAddress()})
     * @param maxContentLength the largest request body in bytes; larger ones get 413
     * @param uploadDirectory where the files of multipart bodies are received
     * @param token the token every request but a read must carry (others get 401), or null to let anyone in
     * @throws WeftException naming the address and the setting to change when it cannot bind
     */
    public static NettyRestServer start(String bindAddress, int port, long maxContentLength, Path uploadDirectory,
            Duration idleTimeout, RestToken token, RestRouter router, ObjectMapper mapper) {
        int aggregated = (int) Math.min(maxContentLength, MAX_AGGREGATED_LENGTH);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("weft-rest-boss", true),
                NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(IO_THREADS, new DefaultThreadFactory("weft-rest-io", true),
                NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(),
                                        TimeUnit.MILLISECONDS))
                                .addLast("close-idle", new IdleConnectionCloser())
                                .addLast("http", new HttpServerCodec());
                        if (token != null) {
                            ch.pipeline().addLast("authentication", new RestAuthenticationHandler(token, mapper));
                        }
                        ch.pipeline()
                                .addLast("upload", new MultipartUploadHandler(maxContentLength, uploadDirectory,
                                        mapper))
                                .addLast("aggregator", new JsonHttpObjectAggregator(aggregated,
                                        aggregated == maxContentLength, mapper))
                                .addLast("rest", new RestChannelHandler(router, mapper));
                    }
                });
        try {
            Channel channel = bootstrap.bind(bindAddress, port).syncUninterruptibly().channel();
            return new NettyRestServer(boss, io, channel);
        } catch (Exception e) {
            shutDown(boss, io);
            throw new WeftException("The REST endpoint could not listen on " + bindAddress + ":" + port + " (" + e
                    + "): set rest.port to a free port (0 picks one) or rest.bind-address to an address of this "
                    + "host", e);
        }
    }

    /** The address and port the server listens on. */
    public InetSocketAddress boundAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutDown(bossGroup, ioGroup);
    }

    private static void shutDown(EventLoopGroup boss, EventLoopGroup io) {
        Future<?> b = boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        Future<?> i = io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        b.awaitUninterruptibly(5, TimeUnit.SECONDS);
        i.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
