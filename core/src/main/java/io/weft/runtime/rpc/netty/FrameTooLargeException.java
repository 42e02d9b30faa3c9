package io.weft.runtime.rpc.netty;

import io.netty.handler.codec.TooLongFrameException;

/**
 * A peer announced a frame larger than this side accepts: {@code rpc.framesize} once authenticated, 1 KB before.
 * The connection is closed.
 */
final class FrameTooLargeException extends TooLongFrameException {
    private final long size;
    private final int limit;
    private final boolean authenticated;

    FrameTooLargeException(long size, int limit, boolean authenticated) {
        super(authenticated
                ? "frame of " + size + " bytes, over the limit of " + limit + " bytes (rpc.framesize): raise "
                        + "rpc.framesize on both sides if messages this large are expected"
                : "frame of " + size + " bytes, over the limit of " + limit + " bytes for unauthenticated "
                        + "peers: it is not a Weft process speaking this RPC protocol");
        this.size = size;
        this.limit = limit;
        this.authenticated = authenticated;
    }

    long size() {
        return size;
    }

    int limit() {
        return limit;
    }

    boolean authenticated() {
        return authenticated;
    }
}
