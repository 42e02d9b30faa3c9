package io.weft.runtime.rpc.netty;

import io.netty.channel.EventLoopGroup;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ConnectionListener;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcConnection;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty {@link RpcClient}: NIO event loops shared by all its connections (each connection pinned to one), and
 * one callback thread on which futures complete and listener calls are dispatched.
 *
 * <h2>Threads</h2>
 * Thread-safe. Threads are named {@code weft-rpc-client-io-*} (event loops) and
 * {@code weft-rpc-client-callbacks-<n>}; all are daemons and stop in {@link #close()}.
 */
final class NettyRpcClient implements RpcClient {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRpcClient.class);
    private static final int IO_THREADS = 2;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final EventLoopGroup group;
    private final ExecutorService callbacks;
    private final ClientResources resources;
    private final Set<NettyRpcConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread callbackThread;

    NettyRpcClient(ClusterSecret secret, RpcSettings settings, Optional<TlsContexts> tls) {
        String callbackName = "weft-rpc-client-callbacks-" + INSTANCES.incrementAndGet();
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, callbackName);
            t.setDaemon(true);
            callbackThread = t;
            return t;
        });
        this.group = EventLoops.create("weft-rpc-client-io", IO_THREADS);
        this.resources = new ClientResources(secret, settings, tls, callbacks);
    }

    @Override
    public RpcConnection connect(String host, int port, Executor listenerExecutor, ConnectionListener listener) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(listenerExecutor, "listenerExecutor");
        Objects.requireNonNull(listener, "listener");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid RPC server port " + port + " for host " + host);
        }
        if (closed.get()) {
            throw new IllegalStateException("The RPC client is closed: cannot connect to "
                    + Addresses.describe(host, port));
        }
        NettyRpcConnection connection = new NettyRpcConnection(host, port, group.next(), resources,
                listenerExecutor, listener, connections::remove);
        connections.add(connection);
        connection.start();
        return connection;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (NettyRpcConnection connection : new ArrayList<>(connections)) {
            connection.close();
        }
        EventLoops.shutdown(group);
        // Queued completions (failed requests of the closed connections) still run.
        callbacks.shutdown();
        if (Thread.currentThread() == callbackThread) {
            return;
        }
        try {
            if (!callbacks.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("RPC client callbacks did not finish within 5 s; interrupting them");
                callbacks.shutdownNow();
            }
        } catch (InterruptedException e) {
            callbacks.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
