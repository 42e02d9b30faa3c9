package io.weft.runtime.rpc;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import org.apache.avro.specific.SpecificRecord;

/**
 * The receiving side of RPC: accepts connections from peers that prove the cluster secret and hands each request
 * to the handler registered for its message type.
 *
 * <h2>Contract</h2>
 * A request ({@link RpcConnection#ask}) is answered with the message its handler's future completes with, or with
 * a typed error: the handler failed (its exception's class and message travel back), no handler is registered
 * for the message type, or the endpoint refused it. One-way messages ({@link RpcConnection#tell}) are handed to
 * the handler, whose result is ignored. Messages of one connection reach the executor in the order they were
 * sent.
 *
 * <h2>Threads</h2>
 * Thread-safe. Handlers run on the executor they were registered with, typically the endpoint's
 * {@link MainThreadExecutor} ({@code mainThread::execute}), never on a transport thread. A handler must not block:
 * it returns a future, which may complete on any thread. {@link #close()} waits (bounded) for the server's threads
 * to end; connected clients notice at once.
 */
public interface RpcServer extends AutoCloseable {
    /** The address the server listens on, with the actual port when it was started with port 0. */
    InetSocketAddress address();

    /**
     * Registers the handler of one message type. Requests of the type are decoded, then
     * {@code handler.handle(request)} runs on {@code executor}, which must run it on a thread of its own (not
     * {@code Runnable::run}, which would run it on a transport thread).
     *
     * @throws IllegalStateException when a handler for the type is already registered
     */
    <T extends SpecificRecord> void registerHandler(Class<T> requestType, Executor executor,
            RequestHandler<? super T> handler);

    /** Stops accepting, closes every connection and stops the server's threads. Idempotent. */
    @Override
    void close();
}
