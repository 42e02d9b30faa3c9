package io.weft.runtime.rpc.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and stops the NIO event loop groups of internal transports (RPC servers and clients, the TaskManagers'
 * data plane), with named daemon threads.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventLoops {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 5_000;

    private EventLoops() {
    }

    /** A group of {@code threads} NIO event loops whose threads are named {@code name-<pool>-<n>}. */
    public static EventLoopGroup create(String name, int threads) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true),
                NioIoHandler.newFactory());
    }

    /** Stops the groups without a quiet period and waits, bounded, for their threads to end. */
    public static void shutdown(EventLoopGroup... groups) {
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        for (EventLoopGroup group : groups) {
            Future<?> termination = group.terminationFuture();
            if (!termination.awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS + 1_000)) {
                LOG.warn("Event loop threads did not stop within {} ms", SHUTDOWN_TIMEOUT_MS + 1_000);
            }
        }
    }
}
