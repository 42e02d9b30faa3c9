package io.weft.runtime.rpc;

/**
 * The factory of a process's RPC servers and clients: the one place that knows the transport, the cluster secret
 * and the RPC configuration. Endpoints receive an {@code RpcSystem} (or the servers and clients it made) and so
 * never see the transport; tests may hand in another implementation.
 *
 * <h2>Threads</h2>
 * Thread-safe. Servers and clients it creates own their threads and are closed independently of it.
 */
public interface RpcSystem {
    /**
     * Starts a server accepting authenticated connections.
     *
     * @param bindHost the address to listen on ({@code 0.0.0.0} for all interfaces)
     * @param port the port, or 0 for any free one (see {@link RpcServer#address()})
     * @throws io.weft.api.TransportException naming the address when it cannot be bound
     */
    RpcServer startServer(String bindHost, int port);

    /** Creates a client whose connections authenticate with this system's cluster secret. */
    RpcClient createClient();
}
