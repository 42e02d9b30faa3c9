package io.weft.jobmanager.rpc;

import io.weft.api.JobID;
import io.weft.runtime.AllocationID;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.ResourceID;
import io.weft.runtime.TaskExecutorGateway;
import io.weft.runtime.TaskStateReporter;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.deployment.TaskDeploymentDescriptor;
import io.weft.runtime.deployment.TaskDeploymentMessages;
import io.weft.runtime.messages.Acknowledge;
import io.weft.runtime.messages.AllocateSlot;
import io.weft.runtime.messages.CancelTask;
import io.weft.runtime.messages.FreeSlot;
import io.weft.runtime.messages.TriggerCheckpoint;
import io.weft.runtime.rpc.RpcConnection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.avro.specific.SpecificRecord;

/**
 * A TaskManager in another process, as the JobManager sees it: each gateway call is a request over the RPC
 * connection the JobManager opened to the TaskManager's RPC server.
 *
 * <p>Thread-safe. Futures complete on the RPC client's callback thread; a failure names the TaskManager and its
 * address. Tasks report their states over the TaskManager's own connection to the JobManager, routed by job id,
 * so the reporter given to {@link #submitTask} is not used here.
 */
final class RemoteTaskExecutorGateway implements TaskExecutorGateway, AutoCloseable {
    private final ResourceID resourceId;
    private final RpcConnection connection;
    private final InetSocketAddress dataAddress;
    private final Duration timeout;

    RemoteTaskExecutorGateway(ResourceID resourceId, RpcConnection connection, InetSocketAddress dataAddress,
            Duration timeout) {
        this.resourceId = resourceId;
        this.connection = connection;
        this.dataAddress = dataAddress;
        this.timeout = timeout;
    }

    @Override
    public ResourceID getResourceId() {
        return resourceId;
    }

    @Override
    public InetSocketAddress dataAddress() {
        return dataAddress;
    }

    RpcConnection connection() {
        return connection;
    }

    @Override
    public CompletableFuture<Void> allocateSlot(int slotIndex, JobID jobId, AllocationID allocationId) {
        return ask(new AllocateSlot(slotIndex, jobId.toString(), allocationId.toString()));
    }

    @Override
    public CompletableFuture<Void> freeSlot(AllocationID allocationId) {
        return ask(new FreeSlot(allocationId.toString()));
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, TaskStateReporter jobMaster) {
        try {
            return ask(TaskDeploymentMessages.toMessage(tdd));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
        return ask(new CancelTask(attemptId.toString()));
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(ExecutionAttemptID attemptId, long checkpointId, long timestamp,
            CheckpointOptions options) {
        return ask(new TriggerCheckpoint(attemptId.toString(), checkpointId, timestamp, options.type().name(),
                options.alignment().name(), options.alignedTimeoutMillis(), options.targetLocation()));
    }

    private CompletableFuture<Void> ask(SpecificRecord request) {
        return connection.ask(request, Acknowledge.class, timeout).handle((ack, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                throw new CompletionException(new IllegalStateException("TaskManager " + resourceId + " at "
                        + connection.remoteAddress() + " did not take " + request.getSchema().getName() + ": "
                        + cause.getMessage(), cause));
            }
            return null;
        });
    }

    /** Closes the connection (the TaskManager is lost or the JobManager stops). */
    @Override
    public void close() {
        connection.close();
    }
}
