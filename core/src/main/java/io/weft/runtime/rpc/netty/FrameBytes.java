package io.weft.runtime.rpc.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Copies a received frame out of its Netty buffer and releases the buffer; stateless, event-loop use. */
final class FrameBytes {
    private FrameBytes() {
    }

    /** The bytes of {@code msg} (a {@link ByteBuf} frame), which is released. */
    static byte[] take(Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
