package io.weft.runtime.rpc.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Splits the byte stream into frames, each a 4-byte big-endian length followed by that many bytes, and enforces
 * a frame size limit that starts small (for the handshake) and is raised to {@code rpc.framesize} once the peer
 * is authenticated.
 *
 * <p>The limit is checked as soon as a length prefix arrives, so an oversized frame is never buffered: the
 * decoder throws {@link FrameTooLargeException} once, then discards everything the peer sends until the
 * connection (which the next handler closes) is gone.
 *
 * <p>Event-loop confined, like every handler.
 */
final class RpcFrameDecoder extends LengthFieldBasedFrameDecoder {
    static final int LENGTH_FIELD_LENGTH = 4;
    private int limit;
    private boolean authenticated;
    private boolean discarding;

    RpcFrameDecoder() {
        // The superclass's own limit is never reached: decode() checks the current limit first.
        super(Integer.MAX_VALUE, 0, LENGTH_FIELD_LENGTH, 0, LENGTH_FIELD_LENGTH);
        this.limit = RpcSettings.UNAUTHENTICATED_FRAME_SIZE;
    }

    /** Raises the limit to {@code frameSize} once the peer proved the secret. */
    void authenticated(int frameSize) {
        this.limit = frameSize;
        this.authenticated = true;
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        if (in.readableBytes() >= LENGTH_FIELD_LENGTH) {
            long length = in.getUnsignedInt(in.readerIndex());
            if (length > limit) {
                discarding = true;
                in.skipBytes(in.readableBytes());
                throw new FrameTooLargeException(length, limit, authenticated);
            }
        }
        return super.decode(ctx, in);
    }
}
