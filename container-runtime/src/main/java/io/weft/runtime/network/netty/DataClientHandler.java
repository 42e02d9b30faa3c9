package io.weft.runtime.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.network.netty.DataMessages.BufferResponse;
import io.weft.runtime.network.netty.DataMessages.DataMessage;
import io.weft.runtime.network.netty.DataMessages.ErrorResponse;
import io.weft.runtime.network.netty.DataMessages.MalformedMessageException;
import java.io.IOException;

/**
 * Reads the frames a data server sends on an authenticated client connection and hands them to its
 * {@link DataConnection}; notices the connection's loss (first error wins).
 *
 * <p>Event-loop confined.
 */
final class DataClientHandler extends ChannelInboundHandlerAdapter {
    private final DataConnection connection;
    private final String peer;
    private Throwable firstError;

    DataClientHandler(DataConnection connection, String peer) {
        this.connection = connection;
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            if (firstError != null) {
                return;
            }
            DataMessage m = DataMessages.decode(frame);
            if (m instanceof BufferResponse b) {
                connection.onBuffer(b);
            } else if (m instanceof ErrorResponse e) {
                connection.onError(e);
            } else {
                throw new MalformedMessageException(m.getClass().getSimpleName() + " is sent to servers, not by them");
            }
        } catch (MalformedMessageException e) {
            exceptionCaught(ctx, new IOException("it broke the data protocol (" + e.getMessage() + ") at " + peer
                    + ": it is not a Weft TaskManager of this version", e));
        } finally {
            frame.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        OutOfMemoryExit.haltIfOutOfMemory(cause);
        if (firstError == null) {
            firstError = cause;
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.lost(firstError);
        ctx.fireChannelInactive();
    }
}
