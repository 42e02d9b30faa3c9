package io.weft.runtime.rpc.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ConnectionListener;
import io.weft.runtime.rpc.ConnectionState;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcConnectionException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client connection to one RPC server that keeps itself up: each attempt resolves the host, connects, runs TLS
 * (if enabled) and the secret handshake; a failed attempt or a lost connection schedules the next attempt after an
 * exponential back-off (see {@link ExponentialBackoff}) until {@link #close()}. State machine: see
 * {@link ConnectionState}.
 *
 * <h2>Threads</h2>
 * The state machine runs on one event loop, to which the connection is pinned: every channel it opens lives on
 * that loop, so channel events and state changes never race. Host names are resolved on the callback thread, never
 * on the event loop. {@link #state()} and the current session are published through volatile fields for callers
 * on any thread. Listener notifications go through the callback thread to the listener's executor, in order.
 */
final class NettyRpcConnection implements RpcConnection, ClientChannelOwner {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRpcConnection.class);
    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final String host;
    private final int port;
    private final String peer;
    private final EventLoop eventLoop;
    private final Bootstrap bootstrap;
    private final Executor callbacks;
    private final Executor listenerExecutor;
    private final ConnectionListener listener;
    private final ExponentialBackoff backoff;
    private final Consumer<NettyRpcConnection> onClose;

    // Event-loop confined.
    private Channel channel;
    private int failedAttempts;
    private ScheduledFuture<?> reconnect;

    // Written on the event loop, read anywhere.
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile ClientSession session;
    private volatile CompletableFuture<Void> connected = new CompletableFuture<>();

    /** Use {@link NettyRpcClient#connect}. */
    NettyRpcConnection(String host, int port, EventLoop eventLoop, ClientResources resources,
            Executor listenerExecutor, ConnectionListener listener, Consumer<NettyRpcConnection> onClose) {
        this.host = host;
        this.port = port;
        this.peer = Addresses.describe(host, port);
        this.eventLoop = eventLoop;
        this.callbacks = resources.callbacks();
        this.listenerExecutor = listenerExecutor;
        this.listener = listener;
        this.backoff = new ExponentialBackoff(resources.settings().initialBackoff(),
                resources.settings().maxBackoff());
        this.onClose = onClose;
        this.bootstrap = newBootstrap(resources);
    }

    private Bootstrap newBootstrap(ClientResources resources) {
        RpcSettings settings = resources.settings();
        ClusterSecret secret = resources.secret();
        Optional<TlsContexts> tls = resources.tls();
        return new Bootstrap()
                .group(eventLoop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.handshakeTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        settings.clientWriteBufferLimit() / 2, settings.clientWriteBufferLimit()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        RpcPipelines.initialize(ch, tls.map(t -> t.newClientHandler(ch.alloc(), host, port))
                                .orElse(null), new ClientHandshakeHandler(secret, settings, peer, callbacks,
                                        NettyRpcConnection.this));
                    }
                });
    }

    /** Starts the first attempt. */
    void start() {
        eventLoop.execute(this::beginAttempt);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public CompletableFuture<Void> whenConnected() {
        return connected.copy();
    }

    @Override
    public <R extends SpecificRecord> CompletableFuture<R> ask(SpecificRecord request, Class<R> responseType,
            Duration timeout) {
        ClientSession current = session;
        if (current == null) {
            return CompletableFuture.failedFuture(notConnected(request));
        }
        return current.ask(request, responseType, timeout);
    }

    @Override
    public CompletableFuture<Void> tell(SpecificRecord message) {
        ClientSession current = session;
        if (current == null) {
            return CompletableFuture.failedFuture(notConnected(message));
        }
        return current.tell(message);
    }

    @Override
    public void close() {
        if (eventLoop.inEventLoop()) {
            doClose();
            return;
        }
        try {
            if (!eventLoop.submit(this::doClose).awaitUninterruptibly(CLOSE_TIMEOUT_MS)) {
                LOG.warn("Closing the RPC connection to {} took longer than {} ms", peer, CLOSE_TIMEOUT_MS);
            }
        } catch (RejectedExecutionException e) {
            // The event loop is gone, and with it every channel of this connection and its waiting requests.
            state = ConnectionState.CLOSED;
            session = null;
            connected.completeExceptionally(new RpcConnectionException(peer, "The RPC connection to " + peer
                    + " was closed by this process"));
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "RpcConnection(" + peer + ", " + state + ")";
    }

    // ---- state machine, on the event loop ----

    private void beginAttempt() {
        reconnect = null;
        if (state == ConnectionState.CLOSED) {
            return;
        }
        state = ConnectionState.CONNECTING;
        try {
            callbacks.execute(this::resolveAndConnect);
        } catch (RejectedExecutionException e) {
            LOG.debug("Not connecting to {}: the RPC client is closing", peer);
        }
    }

    /** Runs on the callback thread: name resolution may block. */
    private void resolveAndConnect() {
        InetSocketAddress address = new InetSocketAddress(host, port);
        try {
            eventLoop.execute(() -> connect(address));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not connecting to {}: the RPC client is closing", peer);
        }
    }

    private void connect(InetSocketAddress address) {
        if (state == ConnectionState.CLOSED) {
            return;
        }
        if (address.isUnresolved()) {
            RpcConnectionException cause = new RpcConnectionException(peer, "Cannot connect to RPC server " + peer
                    + ": host " + host + " cannot be resolved; check the address and DNS");
            LOG.warn("{}", cause.getMessage());
            retry(null, cause);
            return;
        }
        ChannelFuture connecting = bootstrap.connect(address);
        channel = connecting.channel();
        connecting.addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                RpcConnectionException cause = new RpcConnectionException(peer, "Cannot connect to RPC server "
                        + peer + ": " + f.cause() + "; the remote process may not be running (yet) or may have been "
                        + "lost", f.cause());
                if (f.channel() == channel) {
                    LOG.info("{}", cause.getMessage());
                }
                retry(f.channel(), cause);
            }
        });
    }

    @Override
    public void authenticated(Channel ch, ClientSession newSession) {
        if (ch != channel || state == ConnectionState.CLOSED) {
            ch.close();
            return;
        }
        failedAttempts = 0;
        session = newSession;
        state = ConnectionState.CONNECTED;
        LOG.info("Connected to RPC server {}", peer);
        CompletableFuture<Void> done = connected;
        callback(() -> done.complete(null));
        notifyListener(() -> listener.connected(this));
    }

    /** TLS or the handshake failed: the server is up but something is misconfigured, so this is a warning. */
    @Override
    public void attemptFailed(Channel ch, RpcConnectionException cause) {
        if (ch == channel && state != ConnectionState.CLOSED) {
            LOG.warn("{}", cause.getMessage());
        }
        retry(ch, cause);
    }

    /** Closes the attempt's channel, if it is the current one, and schedules the next attempt. */
    private void retry(Channel ch, RpcConnectionException cause) {
        if (ch != null && ch != channel) {
            return;
        }
        channel = null;
        if (ch != null) {
            ch.close();
        }
        if (state == ConnectionState.CLOSED) {
            return;
        }
        scheduleReconnect(cause);
    }

    @Override
    public void lost(Channel ch, RpcConnectionException cause) {
        if (ch != channel) {
            return;
        }
        channel = null;
        session = null;
        if (state == ConnectionState.CLOSED) {
            return;
        }
        // State first: a listener told of the loss must see it.
        state = ConnectionState.DISCONNECTED;
        connected = new CompletableFuture<>();
        LOG.warn("{}", cause.getMessage());
        notifyListener(() -> listener.connectionLost(this, cause));
        scheduleReconnect(cause);
    }

    private void scheduleReconnect(RpcConnectionException cause) {
        state = ConnectionState.DISCONNECTED;
        int attempt = ++failedAttempts;
        Duration delay = backoff.delay(attempt);
        LOG.debug("Reconnecting to RPC server {} in {} ms (attempt {})", peer, delay.toMillis(), attempt);
        notifyListener(() -> listener.reconnectScheduled(this, attempt, delay, cause));
        reconnect = eventLoop.schedule(this::beginAttempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void doClose() {
        if (state == ConnectionState.CLOSED) {
            return;
        }
        state = ConnectionState.CLOSED;
        if (reconnect != null) {
            reconnect.cancel(false);
            reconnect = null;
        }
        RpcConnectionException closed = new RpcConnectionException(peer, "The RPC connection to " + peer
                + " was closed by this process");
        ClientSession current = session;
        session = null;
        if (current != null) {
            current.close(closed);
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        CompletableFuture<Void> waiting = connected;
        connected = CompletableFuture.failedFuture(closed);
        callback(() -> waiting.completeExceptionally(closed));
        onClose.accept(this);
        LOG.debug("Closed the RPC connection to {}", peer);
    }

    private RpcConnectionException notConnected(SpecificRecord message) {
        String name = message == null ? "message" : message.getSchema().getName();
        ConnectionState now = state;
        return new RpcConnectionException(peer, "Cannot send " + name + " to RPC server " + peer + ": "
                + (now == ConnectionState.CLOSED ? "the connection was closed by this process"
                        : "not connected (" + now.name().toLowerCase(Locale.ROOT)
                                + ", reconnecting with back-off): the remote process may have been lost or not be "
                                + "running yet"));
    }

    private void callback(Runnable task) {
        try {
            callbacks.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /** Runs a listener call on the listener's executor, via the callback thread so never on the event loop. */
    private void notifyListener(Runnable call) {
        try {
            callbacks.execute(() -> {
                try {
                    listenerExecutor.execute(call);
                } catch (RuntimeException e) {
                    LOG.error("Connection listener of RPC connection to {} failed", peer, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("RPC client closing: not telling the listener of {}", peer);
        }
    }
}
