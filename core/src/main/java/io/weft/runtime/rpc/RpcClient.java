package io.weft.runtime.rpc;

import java.util.concurrent.Executor;

/**
 * The sending side of RPC: opens {@link RpcConnection}s to {@link RpcServer}s, authenticated with the cluster
 * secret, each kept up by reconnecting with back-off until it is closed.
 *
 * <h2>Threads</h2>
 * Thread-safe. The client owns the transport threads of all its connections and one callback thread, on which the
 * futures of its connections complete. {@link #close()} closes every connection and stops those threads.
 */
public interface RpcClient extends AutoCloseable {
    /**
     * Opens a connection to {@code host:port}. Returns at once: the connection starts in
     * {@link ConnectionState#CONNECTING} and reconnects with back-off whenever an attempt fails or the connection
     * is lost (see {@link RpcConnection#whenConnected()}).
     *
     * @param listenerExecutor where {@code listener} runs, typically the endpoint's main thread
     */
    RpcConnection connect(String host, int port, Executor listenerExecutor, ConnectionListener listener);

    /** Opens a connection nobody listens to; see {@link #connect(String, int, Executor, ConnectionListener)}. */
    default RpcConnection connect(String host, int port) {
        return connect(host, port, Runnable::run, new ConnectionListener() {
        });
    }

    /** Closes every connection (their waiting requests fail) and stops the client's threads. Idempotent. */
    @Override
    void close();
}
