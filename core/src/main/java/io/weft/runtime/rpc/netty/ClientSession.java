package io.weft.runtime.rpc.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.weft.rpc.messages.RpcKind;
import io.weft.runtime.rpc.RpcConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;

/**
 * One authenticated client channel: sends requests and one-way messages over it and tracks the requests waiting
 * for answers. A new session is made for each (re)connection; a lost session is never reused.
 *
 * <h2>Threads</h2>
 * Thread-safe. Messages are encoded on the calling thread and handed to the channel, which writes them on its
 * event loop. Writes are not throttled — callers bound their own traffic, and every request has a timeout — but a
 * message is refused at once while the channel is unwritable, which means the server has not read
 * {@link RpcSettings#clientWriteBufferLimit()} bytes: a safety valve so that a stalled server cannot make this
 * process queue without bound. Futures complete on the callback executor, or on the calling thread when they fail
 * at once.
 */
final class ClientSession {
    private final Channel channel;
    private final PendingRequests pending;
    private final RpcSettings settings;
    private final String peer;
    private final Executor callbacks;
    private final AtomicLong lastId = new AtomicLong();

    ClientSession(Channel channel, PendingRequests pending, RpcSettings settings, String peer, Executor callbacks) {
        this.channel = channel;
        this.pending = pending;
        this.settings = settings;
        this.peer = peer;
        this.callbacks = callbacks;
    }

    <R extends SpecificRecord> CompletableFuture<R> ask(SpecificRecord request, Class<R> responseType,
            Duration timeout) {
        Objects.requireNonNull(responseType, "responseType");
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<R> future = new CompletableFuture<>();
        long id = lastId.incrementAndGet();
        byte[] frame;
        try {
            frame = encode(RpcKind.REQUEST, id, request);
        } catch (IllegalArgumentException | RpcConnectionException e) {
            future.completeExceptionally(e);
            return future;
        }
        String type = request.getSchema().getName();
        PendingRequests.Pending<R> waiting = pending.new Pending<>(id, type, responseType, timeout, future);
        RpcConnectionException failed = pending.add(waiting);
        if (failed != null) {
            future.completeExceptionally(failed);
            return future;
        }
        try {
            waiting.setTimer(channel.eventLoop().schedule(() -> pending.timeout(id), timeout.toMillis(),
                    TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            pending.fail(id, new RpcConnectionException(peer, "Cannot send " + type + " to RPC server " + peer
                    + ": this process's RPC client is shutting down", e));
            return future;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame)).addListener(written -> {
            if (!written.isSuccess()) {
                pending.fail(id, sendFailure(type, written.cause()));
            }
        });
        return future;
    }

    CompletableFuture<Void> tell(SpecificRecord message) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        byte[] frame;
        try {
            frame = encode(RpcKind.ONE_WAY, 0, message);
        } catch (IllegalArgumentException | RpcConnectionException e) {
            future.completeExceptionally(e);
            return future;
        }
        String type = message.getSchema().getName();
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame)).addListener(written -> {
            Runnable completion = written.isSuccess()
                    ? () -> future.complete(null)
                    : () -> future.completeExceptionally(sendFailure(type, written.cause()));
            try {
                callbacks.execute(completion);
            } catch (RejectedExecutionException e) {
                completion.run();
            }
        });
        return future;
    }

    /** Fails the waiting requests with {@code cause} (unless the channel failed before) and closes the channel. */
    void close(RpcConnectionException cause) {
        pending.failAll(cause);
        channel.close();
    }

    private byte[] encode(RpcKind kind, long id, SpecificRecord message) {
        Objects.requireNonNull(message, "message");
        RpcConnectionException failed = pending.failure();
        if (failed != null) {
            throw failed;
        }
        byte[] frame;
        try {
            frame = Envelopes.message(kind, id, message);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot encode RPC message " + message.getSchema().getFullName()
                    + ": " + e, e);
        }
        if (frame.length > settings.frameSize()) {
            throw new IllegalArgumentException("RPC message " + message.getSchema().getFullName() + " to " + peer
                    + " has " + frame.length + " bytes, over rpc.framesize (" + settings.frameSize()
                    + " bytes): raise rpc.framesize on both sides, or send less");
        }
        if (!channel.isWritable()) {
            throw new RpcConnectionException(peer, "RPC server " + peer + " has not read the last "
                    + settings.clientWriteBufferLimit() + "+ bytes sent to it: it may be overloaded or hung; "
                    + message.getSchema().getName() + " was not sent");
        }
        return frame;
    }

    private RpcConnectionException sendFailure(String type, Throwable cause) {
        RpcConnectionException failed = pending.failure();
        return failed != null ? failed : new RpcConnectionException(peer, "Cannot send " + type + " to RPC server "
                + peer + ": " + cause + "; the remote process may have been lost", cause);
    }
}
