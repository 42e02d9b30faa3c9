package io.weft.runtime.rpc.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the secret handshake (see {@link Handshakes}): challenges a new connection, checks the
 * client's proof, proves the secret in turn, then raises the frame limit and replaces itself with the request
 * handler. Until then nothing the peer sends is acted on.
 *
 * <p>A peer that sends anything but a valid response, fails the proof, speaks another protocol version, does not
 * answer within {@code rpc.handshake.timeout}, or fails TLS is dropped and logged at WARN with its address; other
 * connections are unaffected. A peer that failed the proof or speaks another version is told so first, with a
 * {@link HandshakeRejection} it can act on (a rejected secret is permanent, so a TaskManager stops).
 *
 * <p>Event-loop confined: one instance per connection, all its state touched only on the channel's event loop.
 */
final class ServerHandshakeHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ServerHandshakeHandler.class);
    private final ClusterSecret secret;
    private final RpcSettings settings;
    private final Function<String, ChannelHandler> authenticatedHandler;
    private String peer = "unknown peer";
    private Nonce serverNonce;
    private ScheduledFuture<?> timeout;
    private boolean done;

    /** @param authenticatedHandler makes the handler of an authenticated connection from the peer's address */
    ServerHandshakeHandler(ClusterSecret secret, RpcSettings settings,
            Function<String, ChannelHandler> authenticatedHandler) {
        this.secret = secret;
        this.settings = settings;
        this.authenticatedHandler = authenticatedHandler;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        peer = Addresses.describe(ctx.channel().remoteAddress());
        serverNonce = Handshakes.newNonce();
        long timeoutMillis = settings.handshakeTimeout().toMillis();
        timeout = ctx.executor().schedule(() -> reject(ctx, "it did not complete the handshake within "
                + timeoutMillis + " ms (" + RpcOptions.HANDSHAKE_TIMEOUT.key() + ")", null, null),
                timeoutMillis, TimeUnit.MILLISECONDS);
        HandshakeChallenge challenge = new HandshakeChallenge(Envelopes.PROTOCOL_VERSION, serverNonce);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(AvroCodec.encode(challenge)));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        byte[] frame = FrameBytes.take(msg);
        if (done) {
            return;
        }
        HandshakeResponse response;
        try {
            response = AvroCodec.decode(frame, HandshakeResponse.class);
        } catch (AvroCodec.MalformedMessageException e) {
            reject(ctx, "it sent " + frame.length + " bytes that are not a Weft RPC handshake response: it is not "
                    + "a Weft process, or speaks another protocol", null, null);
            return;
        }
        if (response.getProtocolVersion() != Envelopes.PROTOCOL_VERSION) {
            reject(ctx, "it speaks RPC protocol version " + response.getProtocolVersion() + ", this process "
                    + Envelopes.PROTOCOL_VERSION + ": run the same Weft version everywhere",
                    "unsupported RPC protocol version " + response.getProtocolVersion() + " (server speaks "
                            + Envelopes.PROTOCOL_VERSION + ")", HandshakeRejection.PROTOCOL_VERSION);
            return;
        }
        if (!Handshakes.matches(Handshakes.clientProof(secret, serverNonce, response.getClientNonce()),
                response.getClientProof())) {
            reject(ctx, "it failed to prove the cluster secret: it holds another secret (another cluster's, or a "
                    + "stale one) or is not a Weft process",
                    "authentication failed: the client does not hold this cluster's secret",
                    HandshakeRejection.SECRET);
            return;
        }
        done = true;
        timeout.cancel(false);
        HandshakeOutcome outcome = new HandshakeOutcome(true,
                Handshakes.serverProof(secret, serverNonce, response.getClientNonce()), "", HandshakeRejection.NONE);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(AvroCodec.encode(outcome)));
        ctx.pipeline().get(RpcFrameDecoder.class).authenticated(settings.frameSize());
        ctx.pipeline().replace(this, "rpc", authenticatedHandler.apply(peer));
        LOG.debug("RPC peer {} authenticated", peer);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        OutOfMemoryExit.haltIfOutOfMemory(cause);
        reject(ctx, Failures.describe(cause), null, null);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!done) {
            done = true;
            cancelTimeout();
            LOG.info("RPC peer {} closed its connection before completing the handshake", peer);
        }
        ctx.fireChannelInactive();
    }

    /**
     * Drops the connection and logs why, once.
     *
     * @param outcomeReason what to tell the peer before closing, or null to close without a word
     * @param rejection the kind of rejection the peer is told, with {@code outcomeReason}
     */
    private void reject(ChannelHandlerContext ctx, String reason, String outcomeReason,
            HandshakeRejection rejection) {
        if (done) {
            return;
        }
        done = true;
        cancelTimeout();
        LOG.warn("Dropped RPC connection from {}: {}", peer, reason);
        if (outcomeReason == null) {
            ctx.close();
        } else {
            HandshakeOutcome outcome = new HandshakeOutcome(false, null, outcomeReason, rejection);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(AvroCodec.encode(outcome)))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
