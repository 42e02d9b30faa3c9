package io.weft.runtime.rpc;

/**
 * The RPC server answered the handshake by rejecting this process's cluster secret: the two processes hold
 * different secrets, so every further attempt fails the same way until one of them is given the other's
 * ({@code security.cluster-secret.file} or {@code WEFT_CLUSTER_SECRET}). Unlike other connection failures it is
 * permanent, and a process that cannot work without the connection should stop rather than retry. Immutable.
 */
public class ClusterSecretRejectedException extends RpcConnectionException {
    /**
     * @param peer the server's address, as {@code host:port}
     * @param message what happened and what to change
     */
    public ClusterSecretRejectedException(String peer, String message) {
        super(peer, message);
    }
}
