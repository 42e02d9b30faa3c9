package io.weft.runtime.rpc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;

/**
 * A connection from an {@link RpcClient} to one {@link RpcServer}, over which requests and one-way messages are
 * sent; it re-establishes itself with exponential back-off until {@link #close()}.
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li>{@link RpcConnectionException}: not connected when called, or the connection was lost while the request
 *       was waiting (all waiting requests fail at once);
 *   <li>{@link RpcTimeoutException}: no answer within the timeout;
 *   <li>{@link RemoteRpcException}: the server answered with an error (handler failure, unknown message type…).
 * </ul>
 *
 * <h2>Threads</h2>
 * Thread-safe. Returned futures complete on the client's callback thread (or on the calling thread when they fail
 * at once): continuations that touch endpoint state must hop to the endpoint's main thread, e.g. with
 * {@code thenAcceptAsync(action, mainThread::execute)}, and none may block.
 */
public interface RpcConnection extends AutoCloseable {
    /** The server's host and port as given to {@link RpcClient#connect}, unresolved. */
    InetSocketAddress remoteAddress();

    ConnectionState state();

    /**
     * Completes when the connection is (or next becomes) {@link ConnectionState#CONNECTED}; fails with
     * {@link RpcConnectionException} if it is closed first.
     */
    CompletableFuture<Void> whenConnected();

    /**
     * Sends a request and returns its response.
     *
     * @param responseType the type the handler answers with; another type fails the future with
     *     {@link io.weft.api.FatalException} (caller and handler disagree)
     * @param timeout how long to wait for the answer
     * @return the response; fails as listed above, or with {@link IllegalArgumentException} when the request is
     *     larger than {@code rpc.framesize}
     */
    <R extends SpecificRecord> CompletableFuture<R> ask(SpecificRecord request, Class<R> responseType,
            Duration timeout);

    /**
     * Sends a one-way message. The future completes when the message was handed to the network, or fails with
     * {@link RpcConnectionException} (or {@link IllegalArgumentException} when the message is larger than
     * {@code rpc.framesize}); delivery to the handler is not confirmed.
     */
    CompletableFuture<Void> tell(SpecificRecord message);

    /** Closes the connection and stops reconnecting; waiting requests fail. Idempotent. */
    @Override
    void close();
}
