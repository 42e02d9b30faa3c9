package io.weft.runtime.network.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.weft.runtime.network.Buffer;
import io.weft.runtime.network.netty.DataMessages.BufferResponse;
import io.weft.runtime.network.netty.DataMessages.ErrorResponse;
import io.weft.runtime.rpc.RpcConnectionException;
import io.weft.runtime.rpc.netty.AuthenticatedChannels;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one data connection of this TaskManager to another TaskManager's data server, shared by every input channel
 * of every task here that reads a partition there. Connects once (TLS if enabled, then the secret handshake);
 * channels registered meanwhile send their partition requests when it is up.
 *
 * <h2>Failure</h2>
 * When the connection cannot be established or is lost, every channel on it fails at once with a
 * {@link RemoteTransportException} naming the remote address and describing the transport's error in its message
 * (which therefore is what the JobMaster reports), and the connection is forgotten: the next request
 * to that TaskManager opens a new one. A partition the remote TaskManager does not hold (yet) is asked for again
 * after a pause that doubles from {@code taskmanager.network.request-backoff.initial}; once it would exceed
 * {@code taskmanager.network.request-backoff.max}, the channel fails with a {@link PartitionNotFoundException}.
 *
 * <h2>Threads</h2>
 * Pinned to one event loop: every channel event and every field below is handled there, so nothing races.
 * {@link #register}, {@link #announceCredit} and {@link #cancel} are called by consumer task threads and hop onto
 * it; nothing on the event loop blocks.
 */
final class DataConnection {
    private static final Logger LOG = LoggerFactory.getLogger(DataConnection.class);

    private final InetSocketAddress address;
    private final String peer;
    private final EventLoop loop;
    private final NettyShuffleSettings settings;
    private final AuthenticatedChannels security;
    private final Consumer<DataConnection> onFailure;

    // event-loop confined
    private final List<RemoteSubpartitionView> pending = new ArrayList<>();
    private final Map<Long, RemoteSubpartitionView> views = new HashMap<>();
    private Channel channel;
    private boolean connected;
    private RemoteTransportException failure;

    /**
     * @param address the remote data server (resolved)
     * @param onFailure told, on the event loop, once the connection failed, so its owner forgets it
     */
    DataConnection(InetSocketAddress address, EventLoop loop, NettyShuffleSettings settings,
            AuthenticatedChannels security, Consumer<DataConnection> onFailure) {
        this.address = address;
        this.peer = AuthenticatedChannels.describe(address);
        this.loop = loop;
        this.settings = settings;
        this.security = security;
        this.onFailure = onFailure;
    }

    InetSocketAddress address() {
        return address;
    }

    /** Starts connecting. */
    void start() {
        onLoop(this::connect, () -> failAll(closedByThisProcess()));
    }

    private void connect() {
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) security.handshakeTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        security.initClientChannel(ch, address.getHostString(), address.getPort(),
                                new AuthenticatedChannels.ClientListener() {
                                    @Override
                                    public ChannelHandler authenticated(Channel c) {
                                        // requests go out once the handler is in place, after this returns
                                        loop.execute(DataConnection.this::authenticated);
                                        return new DataClientHandler(DataConnection.this, peer);
                                    }

                                    @Override
                                    public void failed(Channel c, RpcConnectionException cause) {
                                        failAll(new RemoteTransportException(peer, "Cannot open a data"
                                                + " connection to TaskManager at " + peer + ": "
                                                + cause.getMessage(), null));
                                    }
                                });
                    }
                });
        channel = bootstrap.connect(address).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                failAll(new RemoteTransportException(peer, "Cannot connect to TaskManager at " + peer + ": "
                        + f.cause() + "; the TaskManager may have been lost, or not be running (yet)", null));
            }
        }).channel();
    }

    private void authenticated() {
        if (failure != null) {
            return;
        }
        connected = true;
        LOG.debug("Data connection to TaskManager at {} is up", peer);
        for (RemoteSubpartitionView v : pending) {
            views.put(v.receiverId, v);
            sendRequest(v);
        }
        pending.clear();
        channel.flush();
    }

    /** Adds a channel; it requests its subpartition once the connection is up. Any thread. */
    void register(RemoteSubpartitionView view) {
        onLoop(() -> {
            if (failure != null) {
                view.fail(failure);
            } else if (connected) {
                views.put(view.receiverId, view);
                sendRequest(view);
                channel.flush();
            } else {
                pending.add(view);
            }
        }, () -> view.fail(closedByThisProcess()));
    }

    /** Announces the credit a channel freed since its last announcement. Any thread. */
    void announceCredit(RemoteSubpartitionView view) {
        onLoop(() -> {
            if (views.get(view.receiverId) == view) {
                sendCredit(view, view.takeUnannouncedCredit());
            }
        }, () -> { });
    }

    /** Withdraws a channel whose consumer is gone; the server releases what it holds for it. Any thread. */
    void cancel(RemoteSubpartitionView view) {
        onLoop(() -> {
            pending.remove(view);
            if (views.remove(view.receiverId) == view && channel != null && channel.isActive()) {
                channel.writeAndFlush(DataMessages.cancelPartitionRequest(channel.alloc(), view.receiverId),
                        channel.voidPromise());
            }
        }, () -> { });
    }

    private void sendRequest(RemoteSubpartitionView v) {
        v.countRequest();
        channel.write(DataMessages.partitionRequest(channel.alloc(), v.partitionId, v.subpartitionIndex,
                v.receiverId, v.initialCredit()), channel.voidPromise());
    }

    private void sendCredit(RemoteSubpartitionView v, int credit) {
        if (credit > 0) {
            channel.writeAndFlush(DataMessages.addCredit(channel.alloc(), v.receiverId, credit),
                    channel.voidPromise());
        }
    }

    // ---- from the handler, on the event loop ----

    void onBuffer(BufferResponse response) {
        RemoteSubpartitionView v = views.get(response.receiverId());
        if (v == null) {
            return;
        }
        if (!v.checkSequence(response.sequence())) {
            lost(new IllegalStateException("a buffer for " + v + " arrived out of order"));
            return;
        }
        if (response.endOfPartition()) {
            views.remove(v.receiverId);
            v.onEndOfPartition();
            return;
        }
        if (response.event() != null) {
            v.onEvent(response.event());
            return;
        }
        ByteBuf data = response.data();
        int size = data.readableBytes();
        Buffer b;
        try {
            b = v.receiveBuffer(size);
        } catch (IllegalStateException e) {
            lost(e);
            return;
        }
        if (b == null) {
            return;
        }
        data.readBytes(b.memory(), 0, size);
        b.setSize(size);
        sendCredit(v, v.onData(b, response.backlog()));
    }

    void onError(ErrorResponse error) {
        if (error.receiverId() == DataMessages.CONNECTION) {
            lost(new IllegalStateException("it reported: " + error.message()));
            return;
        }
        RemoteSubpartitionView v = views.get(error.receiverId());
        if (v == null) {
            return;
        }
        if (error.partitionNotFound()) {
            retryOrFail(v, error.message());
        } else {
            views.remove(v.receiverId);
            v.fail(new RemoteTransportException(peer, "TaskManager at " + peer + " cannot serve " + v + ": "
                    + error.message(), null));
        }
    }

    private void retryOrFail(RemoteSubpartitionView v, String reason) {
        long delay = settings.backoffInitial().toMillis() << Math.min(30, v.requestAttempts() - 1);
        if (delay > settings.backoffMax().toMillis()) {
            views.remove(v.receiverId);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - v.firstRequestNanos());
            v.fail(new PartitionNotFoundException(peer, "Partition " + v.partitionId + " (subpartition "
                    + v.subpartitionIndex + ", read by " + v.consumer + ") was not found on TaskManager at " + peer
                    + " after " + v.requestAttempts() + " requests over " + waited + " ms (" + reason + "): its"
                    + " producer may have failed before registering it, or the deployment names the wrong"
                    + " TaskManager; if producers start slowly, raise taskmanager.network.request-backoff.max"));
            return;
        }
        LOG.debug("Partition {} not yet on TaskManager at {}; asking again in {} ms", v.partitionId, peer, delay);
        loop.schedule(() -> {
            if (views.get(v.receiverId) == v && channel.isActive()) {
                sendRequest(v);
                channel.flush();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** The authenticated connection broke or was closed; {@code cause} says why. */
    void lost(Throwable cause) {
        String why = cause == null
                ? "the connection was closed by the remote side (the TaskManager may have stopped or crashed)"
                : PartitionRequestServerHandler.describe(cause);
        if (cause != null) {
            LOG.debug("Data connection to TaskManager at {} failed", peer, cause);
        }
        failAll(new RemoteTransportException(peer, "TaskManager at " + peer + " lost: " + why, null));
    }

    /** Fails every channel on this connection and closes it, once. */
    private void failAll(RemoteTransportException cause) {
        if (failure != null) {
            return;
        }
        failure = cause;
        onFailure.accept(this);
        List<RemoteSubpartitionView> affected = new ArrayList<>(pending);
        affected.addAll(views.values());
        pending.clear();
        views.clear();
        if (affected.isEmpty()) {
            LOG.info("{}", cause.getMessage());
        } else {
            LOG.warn("{}; failing the {} input channel(s) reading from it", cause.getMessage(), affected.size());
        }
        for (RemoteSubpartitionView v : affected) {
            v.fail(cause);
        }
        if (channel != null) {
            channel.close();
        }
    }

    /** Closes the connection (this TaskManager is shutting down); its channels fail. Any thread. */
    void close() {
        onLoop(() -> failAll(closedByThisProcess()), () -> { });
    }

    private RemoteTransportException closedByThisProcess() {
        return new RemoteTransportException(peer, "The data connection to TaskManager at " + peer + " was closed:"
                + " this TaskManager is shutting down", null);
    }

    private void onLoop(Runnable action, Runnable ifShutDown) {
        if (loop.inEventLoop()) {
            action.run();
            return;
        }
        try {
            loop.execute(action);
        } catch (RejectedExecutionException e) {
            ifShutDown.run();
        }
    }

    @Override
    public String toString() {
        return "DataConnection(" + peer + ")";
    }
}
