package io.weft.runtime.rpc.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.weft.config.RpcOptions;
import io.weft.rpc.messages.HandshakeChallenge;
import io.weft.rpc.messages.HandshakeOutcome;
import io.weft.rpc.messages.HandshakeRejection;
import io.weft.rpc.messages.HandshakeResponse;
import io.weft.rpc.messages.Nonce;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ClusterSecretRejectedException;
import io.weft.runtime.rpc.RpcConnectionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The client side of the secret handshake (see {@link Handshakes}): answers the server's challenge with a proof,
 * checks the server's proof, then raises the frame limit, replaces itself with a {@link ClientResponseHandler}
 * and hands the {@link ClientSession} to its owner. Any failure — a server that proves nothing, rejects the
 * client, sends something else, or takes longer than {@code rpc.handshake.timeout} — closes the channel and is
 * reported to the owner once (which logs it at WARN with the server's address). A server that rejects this
 * process's secret is reported as a {@link ClusterSecretRejectedException}, the one failure retrying cannot cure.
 *
 * <p>Event-loop confined.
 */
final class ClientHandshakeHandler extends ChannelInboundHandlerAdapter {
    private enum Step { AWAIT_CHALLENGE, AWAIT_OUTCOME, DONE }

    private final ClusterSecret secret;
    private final RpcSettings settings;
    private final String peer;
    private final ClientChannelOwner owner;
    private final Consumer<ChannelHandlerContext> onAuthenticated;
    private Step step = Step.AWAIT_CHALLENGE;
    private Nonce serverNonce;
    private Nonce clientNonce;
    private ScheduledFuture<?> timeout;

    /** The handshake of an RPC connection: once authenticated, the channel carries RPC requests and answers. */
    ClientHandshakeHandler(ClusterSecret secret, RpcSettings settings, String peer, Executor callbacks,
            ClientChannelOwner owner) {
        this(secret, settings, peer, owner, ctx -> {
            PendingRequests pending = new PendingRequests(peer, callbacks);
            ctx.pipeline().replace(ctx.handler(), "rpc", new ClientResponseHandler(peer, pending, owner));
            owner.authenticated(ctx.channel(), new ClientSession(ctx.channel(), pending, settings, peer, callbacks));
        });
    }

    /**
     * The handshake of a connection of another internal protocol.
     *
     * @param owner told only of a failed attempt
     * @param onAuthenticated replaces this handler (named by the context) with the protocol's handler, on the event
     *     loop, once the server proved the secret and the frame limit was raised
     */
    ClientHandshakeHandler(ClusterSecret secret, RpcSettings settings, String peer, ClientChannelOwner owner,
            Consumer<ChannelHandlerContext> onAuthenticated) {
        this.secret = secret;
        this.settings = settings;
        this.peer = peer;
        this.owner = owner;
        this.onAuthenticated = onAuthenticated;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long timeoutMillis = settings.handshakeTimeout().toMillis();
        timeout = ctx.executor().schedule(() -> fail(ctx, "the server did not complete the handshake within "
                + timeoutMillis + " ms (" + RpcOptions.HANDSHAKE_TIMEOUT.key() + "): it may be overloaded, or not "
                + "a Weft RPC server", null), timeoutMillis, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        byte[] frame = FrameBytes.take(msg);
        try {
            if (step == Step.AWAIT_CHALLENGE) {
                onChallenge(ctx, AvroCodec.decode(frame, HandshakeChallenge.class));
            } else if (step == Step.AWAIT_OUTCOME) {
                onOutcome(ctx, AvroCodec.decode(frame, HandshakeOutcome.class));
            }
        } catch (AvroCodec.MalformedMessageException e) {
            fail(ctx, "the server sent something other than a Weft RPC handshake: it is not a Weft RPC server, or "
                    + "it expects TLS (security.ssl.internal.enabled)", e);
        }
    }

    private void onChallenge(ChannelHandlerContext ctx, HandshakeChallenge challenge) {
        if (challenge.getProtocolVersion() != Envelopes.PROTOCOL_VERSION) {
            fail(ctx, "the server speaks RPC protocol version " + challenge.getProtocolVersion() + ", this process "
                    + Envelopes.PROTOCOL_VERSION + ": run the same Weft version everywhere", null);
            return;
        }
        serverNonce = challenge.getServerNonce();
        clientNonce = Handshakes.newNonce();
        HandshakeResponse response = new HandshakeResponse(Envelopes.PROTOCOL_VERSION, clientNonce,
                Handshakes.clientProof(secret, serverNonce, clientNonce));
        step = Step.AWAIT_OUTCOME;
        ctx.writeAndFlush(Unpooled.wrappedBuffer(AvroCodec.encode(response)));
    }

    private void onOutcome(ChannelHandlerContext ctx, HandshakeOutcome outcome) {
        if (!outcome.getAccepted()) {
            if (outcome.getRejection() == HandshakeRejection.SECRET) {
                fail(ctx, new ClusterSecretRejectedException(peer, "Cannot connect to RPC server " + peer
                        + ": it rejected this process's cluster secret (" + outcome.getReason() + "): give both the"
                        + " same secret (security.cluster-secret.file or WEFT_CLUSTER_SECRET)"));
            } else {
                fail(ctx, "the server rejected this process: " + outcome.getReason()
                        + "; check that both run the same Weft version and use the same cluster secret", null);
            }
            return;
        }
        if (!Handshakes.matches(Handshakes.serverProof(secret, serverNonce, clientNonce), outcome.getServerProof())) {
            fail(ctx, "the server did not prove the cluster secret: it belongs to another cluster or is not a Weft "
                    + "process", null);
            return;
        }
        step = Step.DONE;
        timeout.cancel(false);
        ctx.pipeline().get(RpcFrameDecoder.class).authenticated(settings.frameSize());
        onAuthenticated.accept(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        OutOfMemoryExit.haltIfOutOfMemory(cause);
        fail(ctx, Failures.describe(cause), cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx, "the server closed the connection during the handshake: it may hold another cluster secret, "
                + "expect TLS (security.ssl.internal.enabled), or be shutting down", null);
        ctx.fireChannelInactive();
    }

    private void fail(ChannelHandlerContext ctx, String reason, Throwable cause) {
        fail(ctx, new RpcConnectionException(peer, "Cannot connect to RPC server " + peer + ": " + reason, cause));
    }

    private void fail(ChannelHandlerContext ctx, RpcConnectionException failure) {
        if (step == Step.DONE) {
            return;
        }
        step = Step.DONE;
        if (timeout != null) {
            timeout.cancel(false);
        }
        ctx.close();
        owner.attemptFailed(ctx.channel(), failure);
    }
}
