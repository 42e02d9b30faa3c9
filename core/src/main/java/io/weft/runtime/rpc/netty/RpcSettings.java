package io.weft.runtime.rpc.netty;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.MemorySize;
import io.weft.config.RpcOptions;
import java.time.Duration;

/**
 * The RPC settings of one process, read from {@link RpcOptions} and checked once.
 *
 * <p>Immutable and thread-safe.
 *
 * @param frameSize largest frame, in bytes, sent or accepted after authentication
 * @param handshakeTimeout longest time for connecting plus the secret handshake
 * @param initialBackoff pause before the first reconnection attempt
 * @param maxBackoff longest pause between reconnection attempts
 */
record RpcSettings(int frameSize, Duration handshakeTimeout, Duration initialBackoff, Duration maxBackoff) {
    /** Largest frame accepted before a peer has proven the secret: handshake frames are about 100 bytes. */
    static final int UNAUTHENTICATED_FRAME_SIZE = 1024;
    private static final long MAX_FRAME_SIZE = 1L << 30;

    static RpcSettings fromConfiguration(Configuration config) {
        MemorySize frameSize = config.get(RpcOptions.FRAME_SIZE);
        if (frameSize.bytes() < UNAUTHENTICATED_FRAME_SIZE || frameSize.bytes() > MAX_FRAME_SIZE) {
            throw new IllegalConfigurationException("Invalid value '" + frameSize + "' for '"
                    + RpcOptions.FRAME_SIZE.key() + "': it must be between 1kb and 1g");
        }
        Duration handshake = positive(config, RpcOptions.HANDSHAKE_TIMEOUT.key(),
                config.get(RpcOptions.HANDSHAKE_TIMEOUT));
        Duration initial = positive(config, RpcOptions.RECONNECT_INITIAL_BACKOFF.key(),
                config.get(RpcOptions.RECONNECT_INITIAL_BACKOFF));
        Duration max = positive(config, RpcOptions.RECONNECT_MAX_BACKOFF.key(),
                config.get(RpcOptions.RECONNECT_MAX_BACKOFF));
        if (max.compareTo(initial) < 0) {
            throw new IllegalConfigurationException("'" + RpcOptions.RECONNECT_MAX_BACKOFF.key() + "' (" + max
                    + ") is shorter than '" + RpcOptions.RECONNECT_INITIAL_BACKOFF.key() + "' (" + initial
                    + "): raise the first or lower the second");
        }
        return new RpcSettings((int) frameSize.bytes(), handshake, initial, max);
    }

    /**
     * Bytes a server connection may queue for writing (answers the client has not read yet) before the server
     * stops reading that client's requests: room for two largest frames.
     */
    int serverWriteBufferHighWaterMark() {
        return (int) Math.min(Integer.MAX_VALUE, 2L * frameSize + UNAUTHENTICATED_FRAME_SIZE);
    }

    /** Queued bytes below which a paused server connection reads requests again. */
    int serverWriteBufferLowWaterMark() {
        return frameSize;
    }

    /**
     * Bytes a client connection may queue for writing before further messages are refused: a safety valve against
     * a server that stopped reading, well above any burst of requests (at least 64 MB, or four largest frames).
     */
    int clientWriteBufferLimit() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(64L << 20, 4L * frameSize));
    }

    private static Duration positive(Configuration config, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalConfigurationException("Invalid value '" + value + "' for '" + key
                    + "': it must be longer than zero");
        }
        return value;
    }
}
