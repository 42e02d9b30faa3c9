package io.weft.runtime.rpc.netty;

import io.weft.api.FatalException;
import io.weft.rpc.messages.RpcEnvelope;
import io.weft.rpc.messages.RpcError;
import io.weft.runtime.rpc.RemoteRpcException;
import io.weft.runtime.rpc.RpcConnectionException;
import io.weft.runtime.rpc.RpcTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one client channel that wait for an answer, by correlation id, and the channel's failure.
 *
 * <p>Exactly one of answer, error, timeout or connection failure completes each request: whoever removes it from
 * the map first. Once the channel failed ({@link #failAll}, the first failure wins), every waiting and every later
 * request fails with that failure.
 *
 * <h2>Threads</h2>
 * Thread-safe: requests are added by callers, answered on the event loop, timed out by the event loop's timer.
 * Futures are completed on the callback executor, never on the event loop.
 */
final class PendingRequests {
    private static final Logger LOG = LoggerFactory.getLogger(PendingRequests.class);
    private final String peer;
    private final Executor callbacks;
    private final ConcurrentMap<Long, Pending<?>> requests = new ConcurrentHashMap<>();
    private final AtomicReference<RpcConnectionException> failure = new AtomicReference<>();

    PendingRequests(String peer, Executor callbacks) {
        this.peer = peer;
        this.callbacks = callbacks;
    }

    /**
     * Adds a request, unless the channel already failed.
     *
     * @return null when added, else the channel's failure
     */
    RpcConnectionException add(Pending<?> request) {
        RpcConnectionException failed = failure.get();
        if (failed != null) {
            return failed;
        }
        requests.put(request.id, request);
        request.future.whenComplete((response, error) -> {
            // Completed, timed out or cancelled by the caller: no longer waiting.
            requests.remove(request.id);
            ScheduledFuture<?> timer = request.timer;
            if (timer != null) {
                timer.cancel(false);
            }
        });
        failed = failure.get();
        if (failed != null && requests.remove(request.id) != null) {
            return failed;
        }
        return null;
    }

    /** The channel's failure, or null while it works. */
    RpcConnectionException failure() {
        return failure.get();
    }

    /** Completes the request an envelope of kind RESPONSE or ERROR answers. Runs on the event loop. */
    void answer(RpcEnvelope envelope) {
        Pending<?> request = requests.remove(envelope.getCorrelationId());
        if (request == null) {
            LOG.debug("Late answer {} from RPC server {}: its request timed out or was cancelled",
                    envelope.getCorrelationId(), peer);
            return;
        }
        RpcError error = envelope.getError();
        if (error != null) {
            fail(request, new RemoteRpcException("RPC server " + peer + " answered " + request.requestType + " with "
                    + error.getKind() + ": " + error.getErrorClass() + (error.getErrorClass().isEmpty() ? "" : ": ")
                    + error.getMessage(), error.getKind(), error.getErrorClass(), error.getMessage()));
            return;
        }
        request.answer(envelope);
    }

    /** Fails a request that got no answer in time, if it still waits. */
    void timeout(long id) {
        Pending<?> request = requests.remove(id);
        if (request != null) {
            fail(request, new RpcTimeoutException("RPC request " + request.requestType + " (id " + id + ") to "
                    + peer + " got no answer within " + request.timeout.toMillis() + " ms: the remote endpoint "
                    + "may be overloaded or blocked, or its process lost; raise the timeout if the call may take "
                    + "longer"));
        }
    }

    /** Fails one request, if it still waits. */
    void fail(long id, Throwable cause) {
        Pending<?> request = requests.remove(id);
        if (request != null) {
            fail(request, cause);
        }
    }

    /** Records the channel's failure (the first one wins) and fails every waiting request with it. */
    void failAll(RpcConnectionException cause) {
        failure.compareAndSet(null, cause);
        RpcConnectionException first = failure.get();
        for (Long id : requests.keySet()) {
            fail(id, first);
        }
    }

    private void fail(Pending<?> request, Throwable cause) {
        complete(() -> request.future.completeExceptionally(cause));
    }

    private void complete(Runnable completion) {
        try {
            callbacks.execute(completion);
        } catch (RejectedExecutionException e) {
            // The client is closing: complete here rather than leave the caller waiting.
            completion.run();
        }
    }

    /** One waiting request. */
    final class Pending<R extends SpecificRecord> {
        private final long id;
        private final String requestType;
        private final Class<R> responseType;
        private final Duration timeout;
        private final CompletableFuture<R> future;
        private volatile ScheduledFuture<?> timer;

        Pending(long id, String requestType, Class<R> responseType, Duration timeout, CompletableFuture<R> future) {
            this.id = id;
            this.requestType = requestType;
            this.responseType = responseType;
            this.timeout = timeout;
            this.future = future;
        }

        long id() {
            return id;
        }

        void setTimer(ScheduledFuture<?> timer) {
            this.timer = timer;
            if (future.isDone()) {
                timer.cancel(false);
            }
        }

        /** Decodes the response as the expected type and completes the future with it. */
        private void answer(RpcEnvelope envelope) {
            String expected = AvroCodec.typeName(responseType);
            if (!expected.equals(envelope.getMessageType())) {
                fail(this, new FatalException("RPC server " + peer + " answered " + requestType + " with a "
                        + envelope.getMessageType() + ", but the caller expects a " + expected
                        + ": caller and handler disagree on the response type"));
                return;
            }
            R response;
            try {
                response = AvroCodec.decode(Envelopes.payload(envelope), responseType);
            } catch (AvroCodec.MalformedMessageException e) {
                fail(this, new FatalException("Cannot decode the " + expected + " that RPC server " + peer
                        + " answered " + requestType + " with: " + e.getMessage()
                        + "; the processes may run different Weft versions", e));
                return;
            }
            complete(() -> future.complete(response));
        }
    }
}
