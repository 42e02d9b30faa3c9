package io.weft.runtime;

import io.weft.api.JobID;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.deployment.TaskDeploymentDescriptor;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * What the JobManager calls on a TaskManager. Futures complete on the TaskManager's main thread; a failed future
 * carries an exception naming the TaskManager and the cause.
 */
public interface TaskExecutorGateway {
    ResourceID getResourceId();

    /** Where other TaskManagers fetch this one's partitions; null for a TaskManager in the JobManager's JVM. */
    default InetSocketAddress dataAddress() {
        return null;
    }

    /** Reserves a free slot for a job. */
    CompletableFuture<Void> allocateSlot(int slotIndex, JobID jobId, AllocationID allocationId);

    /** Frees a slot; tasks still running in it are cancelled. */
    CompletableFuture<Void> freeSlot(AllocationID allocationId);

    /** Starts a task in an allocated slot; it reports its states to {@code jobMaster}. */
    CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, TaskStateReporter jobMaster);

    /** Cancels a task; completes when cancellation started (the task reports CANCELED when done). */
    CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId);

    /**
     * Has source task {@code attemptId} emit the barrier of checkpoint {@code checkpointId}; completes once it is
     * emitted, failed when the attempt is not running here, has inputs, or ended first.
     */
    CompletableFuture<Void> triggerCheckpoint(ExecutionAttemptID attemptId, long checkpointId, long timestamp,
            CheckpointOptions options);
}
