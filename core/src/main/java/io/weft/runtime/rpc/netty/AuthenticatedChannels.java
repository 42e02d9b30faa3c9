package io.weft.runtime.rpc.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RpcConnectionException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Secures the channels of internal protocols other than RPC (such as the TaskManager data plane) the way RPC
 * channels are secured: optional TLS ({@code security.ssl.internal.*}), 4-byte length-prefixed frames whose size
 * limit stays small until the peer has proven the cluster secret, and the mutual HMAC handshake of
 * {@link Handshakes} before any frame reaches the protocol's handler. A server drops (and logs) a peer that fails
 * TLS or the handshake, sends something else, or announces an oversized frame; other connections are unaffected.
 *
 * <p>After authentication the protocol's handler receives each frame as a {@link io.netty.buffer.ByteBuf} without
 * its length prefix (and must release it), and whatever {@link io.netty.buffer.ByteBuf} it writes is sent as one
 * frame.
 *
 * <p>Immutable and thread-safe; the {@code init…} methods are called on the channel's event loop, from a
 * {@link io.netty.channel.ChannelInitializer}.
 */
public final class AuthenticatedChannels {
    private final ClusterSecret secret;
    private final RpcSettings settings;
    private final Optional<TlsContexts> tls;

    private AuthenticatedChannels(ClusterSecret secret, RpcSettings settings, Optional<TlsContexts> tls) {
        this.secret = secret;
        this.settings = settings;
        this.tls = tls;
    }

    /**
     * Reads the handshake timeout ({@code rpc.handshake.timeout}) and TLS options once.
     *
     * @param maxFrameSize the largest frame either side accepts once authenticated, in bytes
     * @throws IllegalConfigurationException naming the option when a value is unusable or a TLS store cannot be
     *     loaded
     */
    public static AuthenticatedChannels create(Configuration config, ClusterSecret secret, int maxFrameSize) {
        Objects.requireNonNull(secret, "secret");
        if (maxFrameSize < RpcSettings.UNAUTHENTICATED_FRAME_SIZE) {
            throw new IllegalArgumentException("Frame size limit " + maxFrameSize + " is below "
                    + RpcSettings.UNAUTHENTICATED_FRAME_SIZE + " bytes");
        }
        RpcSettings rpc = RpcSettings.fromConfiguration(config);
        RpcSettings settings = new RpcSettings(maxFrameSize, rpc.handshakeTimeout(), rpc.initialBackoff(),
                rpc.maxBackoff());
        return new AuthenticatedChannels(secret, settings, TlsContexts.fromConfiguration(config, settings));
    }

    /** Longest time connecting plus the handshake may take ({@code rpc.handshake.timeout}). */
    public Duration handshakeTimeout() {
        return settings.handshakeTimeout();
    }

    public boolean tlsEnabled() {
        return tls.isPresent();
    }

    /**
     * Lays out an accepted channel: once the client has proven the secret, {@code authenticatedHandler} makes the
     * channel's protocol handler from the client's address ({@code host:port}).
     */
    public void initServerChannel(Channel channel, Function<String, ChannelHandler> authenticatedHandler) {
        RpcPipelines.initialize(channel, tls.map(t -> t.newServerHandler(channel.alloc())).orElse(null),
                new ServerHandshakeHandler(secret, settings, authenticatedHandler));
    }

    /** Lays out a connecting channel to {@code host:port}; {@code listener} hears how the handshake ended. */
    public void initClientChannel(Channel channel, String host, int port, ClientListener listener) {
        String peer = Addresses.describe(host, port);
        ClientChannelOwner owner = new ClientChannelOwner() {
            @Override
            public void authenticated(Channel ch, ClientSession session) {
                throw new IllegalStateException("Not an RPC channel: " + peer);
            }

            @Override
            public void attemptFailed(Channel ch, RpcConnectionException cause) {
                listener.failed(ch, cause);
            }

            @Override
            public void lost(Channel ch, RpcConnectionException cause) {
                // the protocol's handler sees the loss itself
            }
        };
        RpcPipelines.initialize(channel, tls.map(t -> t.newClientHandler(channel.alloc(), host, port)).orElse(null),
                new ClientHandshakeHandler(secret, settings, peer, owner, ctx -> {
                    ChannelHandler next = listener.authenticated(ctx.channel());
                    ctx.pipeline().replace(ctx.handler(), "protocol", next);
                }));
    }

    /** {@code host:port} of an address, as log and error messages name peers. */
    public static String describe(SocketAddress address) {
        return Addresses.describe(address);
    }

    /** Hears how the handshake of a client channel ended; called on the channel's event loop, once. */
    public interface ClientListener {
        /** The server proved the secret; returns the handler of the channel's frames from now on. */
        ChannelHandler authenticated(Channel channel);

        /**
         * TLS or the handshake failed (the message names the server and the likely cause); the channel is closed.
         */
        void failed(Channel channel, RpcConnectionException cause);
    }
}
