package io.weft.runtime.network.netty;

/**
 * A remote TaskManager kept answering that it holds no such partition until the consumer stopped asking
 * ({@code taskmanager.network.request-backoff.max}): its producer never registered it there. Restartable.
 */
public final class PartitionNotFoundException extends RemoteTransportException {
    public PartitionNotFoundException(String peer, String message) {
        super(peer, message, null);
    }
}
