package io.weft.runtime.rpc;

import java.time.Duration;

/**
 * Told about the life of an {@link RpcConnection}: established, lost, and each reconnection scheduled with its
 * back-off. Every method has an empty default.
 *
 * <p>Runs on the executor given to {@link RpcClient#connect(String, int, java.util.concurrent.Executor,
 * ConnectionListener)}, typically the endpoint's main thread, in the order of the events. A connection closed by
 * this process is not reported.
 */
public interface ConnectionListener {
    /** The connection is established and authenticated: requests may be sent. */
    default void connected(RpcConnection connection) {
    }

    /**
     * An established connection was lost: requests that were waiting have failed with {@code cause}, and a
     * reconnection is scheduled (reported next through {@link #reconnectScheduled}).
     */
    default void connectionLost(RpcConnection connection, RpcConnectionException cause) {
    }

    /**
     * An attempt failed or the connection was lost; attempt number {@code attempt} (1 for the first after a
     * success) starts after {@code delay}, which grows exponentially up to a bound.
     */
    default void reconnectScheduled(RpcConnection connection, int attempt, Duration delay,
            RpcConnectionException lastFailure) {
    }
}
