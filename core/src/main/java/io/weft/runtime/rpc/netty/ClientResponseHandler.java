package io.weft.runtime.rpc.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.weft.rpc.messages.RpcEnvelope;
import io.weft.rpc.messages.RpcKind;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.rpc.RpcConnectionException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the answers on an authenticated client channel and notices its loss: on close, every waiting request
 * fails at once with an {@link RpcConnectionException} naming the server and the first error seen (first error
 * wins), and the owning connection is told.
 *
 * <p>Event-loop confined.
 */
final class ClientResponseHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientResponseHandler.class);
    private final String peer;
    private final PendingRequests pending;
    private final ClientChannelOwner owner;
    private Throwable firstError;

    ClientResponseHandler(String peer, PendingRequests pending, ClientChannelOwner owner) {
        this.peer = peer;
        this.pending = pending;
        this.owner = owner;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        byte[] frame = FrameBytes.take(msg);
        if (firstError != null) {
            return;
        }
        RpcEnvelope envelope;
        try {
            envelope = Envelopes.decode(frame);
        } catch (AvroCodec.MalformedMessageException e) {
            exceptionCaught(ctx, new IOException("it sent a frame that is not an RPC envelope (" + e.getMessage()
                    + ")", e));
            return;
        }
        if (envelope.getKind() == RpcKind.RESPONSE || envelope.getKind() == RpcKind.ERROR) {
            pending.answer(envelope);
        } else {
            LOG.warn("Ignoring a {} ({}) from RPC server {}: clients receive only answers", envelope.getKind(),
                    envelope.getMessageType(), peer);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        OutOfMemoryExit.haltIfOutOfMemory(cause);
        if (firstError == null) {
            firstError = cause;
            LOG.warn("Closing RPC connection to {}: {}", peer, Failures.describe(cause));
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        String why = firstError == null
                ? "the connection was closed by the remote side: the remote process may have been lost or shut down"
                : Failures.describe(firstError);
        RpcConnectionException cause = new RpcConnectionException(peer, "Lost the RPC connection to " + peer + ": "
                + why, firstError);
        pending.failAll(cause);
        owner.lost(ctx.channel(), pending.failure());
        ctx.fireChannelInactive();
    }
}
