package io.weft.runtime.network.netty;

import io.netty.channel.EventLoopGroup;
import io.weft.runtime.rpc.netty.AuthenticatedChannels;
import io.weft.runtime.rpc.netty.EventLoops;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data connections of one TaskManager to the others: at most one per remote TaskManager, opened on first use
 * and shared by all channels of all tasks, each pinned to one of {@code taskmanager.network.netty.client.numThreads}
 * event loops ({@code weft-data-client-io-*}, daemons).
 *
 * <p>Thread-safe. A failed connection is forgotten, so the next request opens a new one. {@link #close()} fails
 * every channel still reading and stops the event loops (bounded wait).
 */
final class ShuffleClient implements AutoCloseable {
    private final NettyShuffleSettings settings;
    private final AuthenticatedChannels security;
    private final EventLoopGroup group;
    private final Map<InetSocketAddress, DataConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong receiverIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    ShuffleClient(NettyShuffleSettings settings, AuthenticatedChannels security) {
        this.settings = settings;
        this.security = security;
        this.group = EventLoops.create("weft-data-client-io", settings.clientThreads());
    }

    /**
     * The connection to the data server at {@code address} (resolved), opening it if there is none.
     *
     * @throws IllegalStateException when this client is closed
     */
    DataConnection connectionTo(InetSocketAddress address) {
        if (closed.get()) {
            throw new IllegalStateException("The data client is closed: this TaskManager is shutting down");
        }
        DataConnection c = connections.get(address);
        if (c != null) {
            return c;
        }
        DataConnection fresh = new DataConnection(address, group.next(), settings, security,
                failed -> connections.remove(failed.address(), failed));
        c = connections.putIfAbsent(address, fresh);
        if (c != null) {
            return c;
        }
        fresh.start();
        return fresh;
    }

    /** A receiver id, unique among this TaskManager's channels. */
    long nextReceiverId() {
        return receiverIds.incrementAndGet();
    }

    /** Open connections (for tests). */
    int numberOfConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (DataConnection c : new ArrayList<>(connections.values())) {
            c.close();
        }
        EventLoops.shutdown(group);
    }
}
