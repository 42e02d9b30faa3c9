package io.weft.runtime.network.netty;

import io.weft.api.TransportException;

/**
 * Data from another TaskManager cannot arrive: the connection to it could not be established, was lost, or the
 * TaskManager could not serve a partition. The message names the TaskManager's data address ({@code host:port})
 * and the likely cause. Restartable, like every {@link TransportException}.
 */
public class RemoteTransportException extends TransportException {
    private final String peer;

    public RemoteTransportException(String peer, String message, Throwable cause) {
        super(message, cause);
        this.peer = peer;
    }

    /** The data address of the remote TaskManager, as {@code host:port}. */
    public String peer() {
        return peer;
    }
}
