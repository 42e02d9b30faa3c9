package io.weft.jobmanager.resourcemanager;

import io.weft.api.JobID;
import io.weft.runtime.AllocationID;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.ResourceID;
import io.weft.runtime.TaskExecutorGateway;
import io.weft.runtime.TaskStateReporter;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.deployment.TaskDeploymentDescriptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TaskManager as the ResourceManager sees it, for unit tests: accepts every slot allocation and records the
 * allocations and frees it is asked for; runs no tasks. Thread-safe.
 */
final class StubTaskExecutor implements TaskExecutorGateway {
    private final ResourceID id;
    final List<AllocationID> allocated = new CopyOnWriteArrayList<>();
    final List<AllocationID> freed = new CopyOnWriteArrayList<>();

    StubTaskExecutor(ResourceID id) {
        this.id = id;
    }

    @Override
    public ResourceID getResourceId() {
        return id;
    }

    @Override
    public CompletableFuture<Void> allocateSlot(int slotIndex, JobID jobId, AllocationID allocationId) {
        allocated.add(allocationId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> freeSlot(AllocationID allocationId) {
        freed.add(allocationId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, TaskStateReporter jobMaster) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this TaskManager runs no tasks"));
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(ExecutionAttemptID attemptId, long checkpointId, long timestamp,
            CheckpointOptions options) {
        return CompletableFuture.failedFuture(new IllegalStateException("a stub TaskManager runs no tasks"));
    }
}
