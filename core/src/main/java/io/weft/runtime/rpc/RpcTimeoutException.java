package io.weft.runtime.rpc;

import io.weft.api.TransportException;

/**
 * A request got no answer within its timeout: the remote endpoint is overloaded or blocked, or its process was
 * lost without the connection noticing yet. Restartable, like every {@link TransportException}.
 */
public class RpcTimeoutException extends TransportException {
    public RpcTimeoutException(String message) {
        super(message, null);
    }
}
