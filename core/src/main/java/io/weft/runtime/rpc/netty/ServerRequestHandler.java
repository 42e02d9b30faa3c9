package io.weft.runtime.rpc.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.weft.rpc.messages.RpcEnvelope;
import io.weft.rpc.messages.RpcErrorKind;
import io.weft.rpc.messages.RpcKind;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.rpc.RpcTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one authenticated connection of an RPC server: decodes each envelope, hands the message to its
 * registered handler on the handler's executor, and sends back the response or a typed error.
 *
 * <h2>Threads</h2>
 * Decoding happens on the channel's event loop (bounded by {@code rpc.framesize}); handlers run on their
 * executors, never here. Responses are encoded on the thread that completes the handler's future and written
 * through the channel, which hands them to the event loop. When the peer stops reading responses and the channel
 * becomes unwritable, reading its requests pauses until it is writable again, so a peer cannot make the server
 * queue unbounded answers. The remaining state is event-loop confined.
 */
final class ServerRequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRequestHandler.class);
    private final HandlerRegistry registry;
    private final RpcSettings settings;
    private final String peer;
    private final String server;
    private boolean failed;

    /**
     * @param peer the client's address, for messages
     * @param server this server's address, for error answers
     */
    ServerRequestHandler(HandlerRegistry registry, RpcSettings settings, String peer, String server) {
        this.registry = registry;
        this.settings = settings;
        this.peer = peer;
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        byte[] frame = FrameBytes.take(msg);
        if (failed) {
            return;
        }
        RpcEnvelope envelope;
        try {
            envelope = Envelopes.decode(frame);
        } catch (AvroCodec.MalformedMessageException e) {
            fail(ctx, "it sent a frame that is not an RPC envelope (" + e.getMessage() + ")");
            return;
        }
        boolean request = envelope.getKind() == RpcKind.REQUEST;
        if (envelope.getProtocolVersion() != Envelopes.PROTOCOL_VERSION) {
            answerError(ctx.channel(), request, envelope, RpcErrorKind.UNSUPPORTED_VERSION, "",
                    "RPC server " + server + " speaks protocol version " + Envelopes.PROTOCOL_VERSION + ", not "
                            + envelope.getProtocolVersion() + ": run the same Weft version everywhere");
            return;
        }
        if (request || envelope.getKind() == RpcKind.ONE_WAY) {
            dispatch(ctx.channel(), envelope, request);
        } else {
            LOG.warn("Ignoring a {} from RPC peer {}: a server receives only requests and one-way messages",
                    envelope.getKind(), peer);
        }
    }

    private void dispatch(Channel channel, RpcEnvelope envelope, boolean request) {
        HandlerRegistry.Registration<?> registration = registry.lookup(envelope.getMessageType());
        if (registration == null) {
            answerError(channel, request, envelope, RpcErrorKind.UNKNOWN_MESSAGE, "", "RPC server " + server
                    + " has no handler for message type " + envelope.getMessageType()
                    + ": the processes may run different Weft versions, or the endpoint is not ready");
            return;
        }
        SpecificRecord message;
        try {
            message = registration.decode(Envelopes.payload(envelope));
        } catch (AvroCodec.MalformedMessageException e) {
            answerError(channel, request, envelope, RpcErrorKind.MALFORMED_MESSAGE, "", "RPC server " + server
                    + " cannot decode the " + envelope.getMessageType() + ": " + e.getMessage()
                    + "; the processes may run different Weft versions");
            return;
        }
        long id = envelope.getCorrelationId();
        try {
            registration.executor().execute(() -> invoke(channel, registration, message, id, request));
        } catch (RejectedExecutionException e) {
            answerError(channel, request, envelope, RpcErrorKind.REJECTED, e.getClass().getName(), "RPC server "
                    + server + " refused the " + envelope.getMessageType() + ": its endpoint is shutting down");
        }
    }

    /** Runs on the registration's executor. */
    private void invoke(Channel channel, HandlerRegistry.Registration<?> registration, SpecificRecord message,
            long id, boolean request) {
        String type = message.getSchema().getFullName();
        CompletableFuture<? extends SpecificRecord> result;
        try {
            result = registration.invoke(message);
        } catch (RuntimeException e) {
            onHandlerFailure(channel, id, request, type, e);
            return;
        } catch (Error e) {
            OutOfMemoryExit.haltIfOutOfMemory(e);
            // Answer, then let the executor see the error (a MainThreadExecutor hands it to its fatal handler).
            onHandlerFailure(channel, id, request, type, e);
            throw e;
        }
        if (!request) {
            if (result != null) {
                result.whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.warn("Handler of one-way {} from {} failed: {}", type, peer,
                                Envelopes.describe(Envelopes.unwrap(failure)));
                    }
                });
            }
            return;
        }
        if (result == null) {
            write(channel, Envelopes.error(id, RpcErrorKind.REMOTE, NullPointerException.class.getName(),
                    "the handler of " + type + " at " + server + " returned no future: a bug in the endpoint"));
            return;
        }
        result.whenComplete((response, failure) -> respond(channel, id, type, response, failure));
    }

    private void respond(Channel channel, long id, String type, SpecificRecord response, Throwable failure) {
        if (failure != null) {
            onHandlerFailure(channel, id, true, type, failure);
            return;
        }
        if (response == null) {
            write(channel, Envelopes.error(id, RpcErrorKind.REMOTE, NullPointerException.class.getName(),
                    "the handler of " + type + " at " + server + " answered null: a bug in the endpoint"));
            return;
        }
        byte[] frame;
        try {
            frame = Envelopes.message(RpcKind.RESPONSE, id, response);
        } catch (RuntimeException e) {
            onHandlerFailure(channel, id, true, type, e);
            return;
        }
        if (frame.length > settings.frameSize()) {
            LOG.warn("Answer {} to {} from {} has {} bytes, over rpc.framesize ({} bytes); sent an error instead",
                    response.getSchema().getName(), type, peer, frame.length, settings.frameSize());
            frame = Envelopes.error(id, RpcErrorKind.OVERSIZED, "", "the answer " + response.getSchema().getName()
                    + " to " + type + " at " + server + " has " + frame.length + " bytes, over rpc.framesize ("
                    + settings.frameSize() + " bytes): raise rpc.framesize on both sides");
        }
        write(channel, frame);
    }

    private void onHandlerFailure(Channel channel, long id, boolean request, String type, Throwable failure) {
        Throwable cause = Envelopes.unwrap(failure);
        if (!request) {
            LOG.warn("Handler of one-way {} from {} failed: {}", type, peer, Envelopes.describe(cause));
            return;
        }
        LOG.debug("Handler of {} from {} failed", type, peer, cause);
        boolean timeout = cause instanceof TimeoutException || cause instanceof RpcTimeoutException;
        write(channel, Envelopes.error(id, timeout ? RpcErrorKind.TIMEOUT : RpcErrorKind.REMOTE, cause));
    }

    private void answerError(Channel channel, boolean request, RpcEnvelope envelope, RpcErrorKind kind,
            String errorClass, String message) {
        if (request) {
            write(channel, Envelopes.error(envelope.getCorrelationId(), kind, errorClass, message));
        } else {
            LOG.warn("Dropped one-way {} from RPC peer {}: {}", envelope.getMessageType(), peer, message);
        }
    }

    /** Thread-safe: the channel hands the write to its event loop. */
    private void write(Channel channel, byte[] frame) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame)).addListener(f -> {
            if (!f.isSuccess()) {
                LOG.debug("Cannot answer RPC peer {}: {}", peer, String.valueOf(f.cause()));
            }
        });
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        OutOfMemoryExit.haltIfOutOfMemory(cause);
        fail(ctx, Failures.describe(cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        LOG.debug("RPC peer {} disconnected", peer);
        ctx.fireChannelInactive();
    }

    /** Closes the connection and logs why; the first error wins. */
    private void fail(ChannelHandlerContext ctx, String reason) {
        if (failed) {
            return;
        }
        failed = true;
        LOG.warn("Closed RPC connection from {}: {}", peer, reason);
        ctx.close();
    }
}
