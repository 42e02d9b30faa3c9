package io.weft.runtime.network.netty;

/**
 * A remote TaskManager kept answering that it holds no such partition until the consumer stopped asking
 * ({@code taskmanager.network.request-backoff.max}): its producer never registered it there. Restartable.
 */
public final class PartitionNotFoundException extends RemoteTransportException {
    public PartitionNotFoundException(String peer, String message) {
        this(peer, message, null);
    }

    private PartitionNotFoundException(String peer, String message, Throwable cause) {
        super(peer, message, cause);
    }

    @Override
    PartitionNotFoundException rethrown() {
        return new PartitionNotFoundException(peer(), getMessage(), this);
    }
}
