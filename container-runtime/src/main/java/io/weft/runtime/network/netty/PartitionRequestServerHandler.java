package io.weft.runtime.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.network.Buffer;
import io.weft.runtime.network.ResultPartition;
import io.weft.runtime.network.ResultPartitionManager;
import io.weft.runtime.network.ResultSubpartition;
import io.weft.runtime.network.netty.DataMessages.AddCredit;
import io.weft.runtime.network.netty.DataMessages.CancelPartitionRequest;
import io.weft.runtime.network.netty.DataMessages.DataMessage;
import io.weft.runtime.network.netty.DataMessages.MalformedMessageException;
import io.weft.runtime.network.netty.DataMessages.PartitionRequest;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one authenticated data connection: serves the subpartitions that a remote TaskManager's
 * input channels request, under credit-based flow control.
 *
 * <h2>Flow control</h2>
 * Each channel grants credit — one per free receive buffer — with its request and returns it with AddCredit as it
 * reads. A subpartition is read (and its producer buffer copied into a network buffer and recycled at once) only
 * while its channel has credit and the connection is writable; at zero credit its data stays in the subpartition,
 * whose bounded buffer pool then makes the producer wait. Channels with credit and data take turns.
 *
 * <h2>Requests before registration</h2>
 * A request for a partition not registered yet waits for the registration up to
 * {@code taskmanager.network.partition-request-timeout}, then is answered "not found" (the client retries).
 *
 * <h2>Threads</h2>
 * Event-loop confined: every field is touched only on the channel's event loop. Producers (data available) and
 * registering tasks (partition registered) hop onto it. When the connection closes, every subpartition it was
 * reading is released, so a lost consumer holds no producer memory.
 */
final class PartitionRequestServerHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestServerHandler.class);
    private final ResultPartitionManager partitions;
    private final NettyShuffleSettings settings;
    private final String peer;
    private final String self;
    private final Map<Long, ServedSubpartition> served = new HashMap<>();
    private final ArrayDeque<ServedSubpartition> ready = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Throwable firstError;

    /**
     * @param peer the client's address
     * @param self this server's address, for messages
     */
    PartitionRequestServerHandler(ResultPartitionManager partitions, NettyShuffleSettings settings, String peer,
            String self) {
        this.partitions = partitions;
        this.settings = settings;
        this.peer = peer;
        this.self = self;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        LOG.debug("Data connection from {} authenticated", peer);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            if (firstError != null) {
                return;
            }
            DataMessage m = DataMessages.decode(frame);
            if (m instanceof PartitionRequest r) {
                onPartitionRequest(r);
            } else if (m instanceof AddCredit a) {
                onAddCredit(a);
            } else if (m instanceof CancelPartitionRequest c) {
                onCancel(c.receiverId());
            } else {
                throw new MalformedMessageException(m.getClass().getSimpleName() + " is sent by servers, not to them");
            }
        } catch (MalformedMessageException e) {
            protocolError(e.getMessage());
        } finally {
            frame.release();
        }
    }

    private void onPartitionRequest(PartitionRequest r) throws MalformedMessageException {
        if (served.containsKey(r.receiverId())) {
            throw new MalformedMessageException("a second PartitionRequest for receiver " + r.receiverId());
        }
        ServedSubpartition s = new ServedSubpartition(r.receiverId(), r.partitionId(), r.subpartition(), r.credit());
        served.put(s.receiverId, s);
        CompletableFuture<ResultPartition> registration = partitions.getPartition(r.partitionId());
        if (registration.isDone() && !registration.isCompletedExceptionally()) {
            attach(s, registration.join());
            return;
        }
        long waitMillis = settings.partitionRequestTimeout().toMillis();
        s.awaitRegistration(registration, ctx.executor().schedule(() -> registrationTimedOut(s, waitMillis),
                waitMillis, TimeUnit.MILLISECONDS));
        registration.whenComplete((p, t) -> onEventLoop(() -> registered(s, p)));
    }

    private void registered(ServedSubpartition s, ResultPartition p) {
        if (served.get(s.receiverId) != s || s.state() != ServedSubpartition.State.WAITING) {
            return;
        }
        if (p == null) {
            // the wait was cancelled: the partition was dropped before it was ever served
            notFound(s, "its registration was withdrawn");
        } else {
            attach(s, p);
        }
    }

    private void registrationTimedOut(ServedSubpartition s, long waitMillis) {
        if (served.get(s.receiverId) == s && s.state() == ServedSubpartition.State.WAITING) {
            notFound(s, "it was not registered within " + waitMillis + " ms");
        }
    }

    private void notFound(ServedSubpartition s, String why) {
        served.remove(s.receiverId);
        s.release(partitions);
        ctx.writeAndFlush(DataMessages.errorResponse(ctx.alloc(), s.receiverId, true, "Partition " + s.partitionId
                + " is not on TaskManager " + self + ": " + why), ctx.voidPromise());
    }

    private void attach(ServedSubpartition s, ResultPartition p) {
        if (s.subpartitionIndex >= p.numberOfSubpartitions()) {
            fail(s, "partition " + s.partitionId + " has " + p.numberOfSubpartitions() + " subpartitions, not "
                    + (s.subpartitionIndex + 1) + ": the consumer's deployment does not match the producer's");
            return;
        }
        ResultSubpartition sub = p.subpartition(s.subpartitionIndex);
        try {
            sub.setListener(() -> onEventLoop(() -> dataAvailable(s)));
        } catch (IllegalStateException e) {
            fail(s, e.getMessage());
            return;
        }
        s.activate(sub);
        enqueueIfReady(s);
        writeReady();
    }

    private void fail(ServedSubpartition s, String message) {
        served.remove(s.receiverId);
        s.release(partitions);
        LOG.warn("Cannot serve {} to {}: {}", s, peer, message);
        ctx.writeAndFlush(DataMessages.errorResponse(ctx.alloc(), s.receiverId, false, message), ctx.voidPromise());
    }

    private void dataAvailable(ServedSubpartition s) {
        if (served.get(s.receiverId) == s) {
            enqueueIfReady(s);
            writeReady();
        }
    }

    private void onAddCredit(AddCredit a) {
        ServedSubpartition s = served.get(a.receiverId());
        if (s != null) {
            s.addCredit(a.credit());
            enqueueIfReady(s);
            writeReady();
        }
    }

    private void onCancel(long receiverId) {
        ServedSubpartition s = served.remove(receiverId);
        if (s != null) {
            // a queued entry is skipped when it comes up
            s.release(partitions);
        }
    }

    private void enqueueIfReady(ServedSubpartition s) {
        if (!s.queued() && s.hasCreditAndData()) {
            s.setQueued(true);
            ready.add(s);
        }
    }

    /** Sends buffers of the channels with credit and data, in turns, while the connection is writable. */
    private void writeReady() {
        boolean wrote = false;
        while (ctx.channel().isWritable()) {
            ServedSubpartition s = ready.poll();
            if (s == null) {
                break;
            }
            s.setQueued(false);
            if (served.get(s.receiverId) != s || !s.hasCreditAndData()) {
                continue;
            }
            ResultSubpartition sub = s.subpartition();
            Buffer b = sub.poll();
            if (b == null) {
                continue;
            }
            ByteBuf out;
            try {
                out = DataMessages.bufferResponse(ctx.alloc(), s.receiverId, s.nextSequence(b.isData()),
                        sub.queuedBuffers(), b);
            } finally {
                b.recycle();
            }
            ctx.write(out, ctx.voidPromise());
            wrote = true;
            if (!b.isEndOfPartition()) {
                enqueueIfReady(s);
            } else {
                served.remove(s.receiverId);
                s.finished();
            }
        }
        if (wrote) {
            ctx.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable()) {
            writeReady();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (!served.isEmpty()) {
            LOG.info("Data connection from {} closed: released the {} subpartition(s) it was reading", peer,
                    served.size());
        }
        for (ServedSubpartition s : new ArrayList<>(served.values())) {
            s.release(partitions);
        }
        served.clear();
        ready.clear();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        OutOfMemoryExit.haltIfOutOfMemory(cause);
        if (firstError == null) {
            firstError = cause;
            LOG.warn("Closing data connection from {}: {}", peer, describe(cause));
        }
        context.close();
    }

    private void protocolError(String what) {
        if (firstError != null) {
            return;
        }
        firstError = new IOException(what);
        LOG.warn("Closing data connection from {}: it broke the data protocol ({}): it is not a Weft TaskManager of"
                + " this version", peer, what);
        ctx.writeAndFlush(DataMessages.errorResponse(ctx.alloc(), DataMessages.CONNECTION, false,
                "protocol error: " + what)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Runs on the event loop (from a producer or registering thread); a failure closes the connection. */
    private void onEventLoop(Runnable action) {
        try {
            ctx.executor().execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    exceptionCaught(ctx, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Data server shutting down: dropped an event of the connection from {}", peer);
        }
    }

    static String describe(Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            return "it sent a frame over the limit (" + cause.getMessage() + "); taskmanager.memory.segment-size"
                    + " must be the same on every TaskManager";
        }
        return cause.toString();
    }
}
