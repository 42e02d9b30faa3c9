package io.weft.runtime.rpc;

import io.weft.api.TransportException;

/**
 * An RPC connection could not be established, was lost, or could not carry a message; the message names the peer
 * and the likely cause. Restartable, like every {@link TransportException}.
 */
public class RpcConnectionException extends TransportException {
    private final String peer;

    /**
     * @param peer the remote address, as {@code host:port}
     * @param message what happened and the likely cause
     */
    public RpcConnectionException(String peer, String message, Throwable cause) {
        super(message, cause);
        this.peer = peer;
    }

    public RpcConnectionException(String peer, String message) {
        this(peer, message, null);
    }

    /** The remote address, as {@code host:port}. */
    public String peer() {
        return peer;
    }
}
