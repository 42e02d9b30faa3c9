package io.weft.runtime.taskexecutor;

import io.weft.api.JobID;
import io.weft.runtime.ResourceID;
import io.weft.runtime.TaskExecutionState;
import io.weft.runtime.TaskStateMessages;
import io.weft.runtime.TaskStateReporter;
import io.weft.runtime.messages.Acknowledge;
import io.weft.runtime.messages.BlobChunk;
import io.weft.runtime.messages.FetchBlob;
import io.weft.runtime.messages.HeartbeatResponse;
import io.weft.runtime.messages.RegisterTaskManager;
import io.weft.runtime.messages.RegistrationResponse;
import io.weft.runtime.messages.TaskManagerHeartbeat;
import io.weft.runtime.rpc.RpcConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a TaskManager sends to its JobManager over its RPC connection: the registration, heartbeats, task reports
 * (one {@link TaskStateReporter} per job) and blob requests. Stateless apart from the connection; thread-safe.
 */
final class JobManagerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(JobManagerConnection.class);
    private static final int CHUNK = 1 << 20;
    private final RpcConnection connection;
    private final Duration askTimeout;

    JobManagerConnection(RpcConnection connection, Duration askTimeout) {
        this.connection = connection;
        this.askTimeout = askTimeout;
    }

    RpcConnection connection() {
        return connection;
    }

    CompletableFuture<RegistrationResponse> register(ResourceID id, String host, int rpcPort, int dataPort,
            int slots) {
        return connection.ask(new RegisterTaskManager(id.toString(), host, rpcPort, dataPort, slots, List.of()),
                RegistrationResponse.class, askTimeout);
    }

    CompletableFuture<HeartbeatResponse> heartbeat(ResourceID id, int allocatedSlots, Duration timeout) {
        return connection.ask(new TaskManagerHeartbeat(id.toString(), allocatedSlots), HeartbeatResponse.class,
                timeout);
    }

    /** Reports the task states of one job; a report that cannot be delivered is logged (the JobManager is gone). */
    TaskStateReporter reporterFor(JobID jobId) {
        return state -> send(jobId, state);
    }

    private void send(JobID jobId, TaskExecutionState state) {
        connection.ask(TaskStateMessages.toMessage(jobId, state), Acknowledge.class, askTimeout)
                .whenComplete((ack, e) -> {
                    if (e != null) {
                        LOG.warn("Could not report {} of task {} (job {}) to the JobManager: {}", state.state(),
                                state.attemptId(), jobId, e.toString());
                    }
                });
    }

    /**
     * Copies a blob into {@code target} chunk by chunk, atomically (a temporary file renamed at the end). Blocks
     * the calling thread, which must not be a main thread.
     */
    void fetchBlob(String key, Path target) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".fetch-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                long offset = 0;
                long total;
                do {
                    BlobChunk chunk = await(connection.ask(new FetchBlob(key, offset, CHUNK), BlobChunk.class,
                            askTimeout), key);
                    total = chunk.getTotalLength();
                    ByteBuffer data = chunk.getData();
                    if (!data.hasRemaining() && offset < total) {
                        throw new IOException("Blob " + key + " ended early at " + offset + " of " + total + " bytes");
                    }
                    offset += data.remaining();
                    Channels.newChannel(out).write(data);
                } while (offset < total);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private <T> T await(CompletableFuture<T> future, String key) throws IOException {
        try {
            return future.get(askTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching blob " + key, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("Fetching blob " + key + " from the JobManager at " + connection.remoteAddress()
                    + " failed: " + cause.getMessage(), cause);
        }
    }
}
