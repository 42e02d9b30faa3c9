package io.weft.runtime.taskexecutor;

import io.weft.api.JobID;
import io.weft.config.Configuration;
import io.weft.config.TaskManagerOptions;
import io.weft.runtime.AllocationID;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.ResourceID;
import io.weft.runtime.ResourceManagerGateway;
import io.weft.runtime.TaskExecutorGateway;
import io.weft.runtime.TaskStateReporter;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.deployment.TaskDeploymentDescriptor;
import io.weft.runtime.network.EmbeddedShuffleEnvironment;
import io.weft.runtime.network.PartitionDirectory;
import io.weft.runtime.network.RuntimeEvent;
import io.weft.runtime.network.ShuffleEnvironment;
import io.weft.runtime.rpc.MainThreadExecutor;
import io.weft.runtime.tasks.Task;
import io.weft.runtime.tasks.TaskServices;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskManager: offers its slots to the ResourceManager, runs the tasks deployed into allocated slots, and
 * owns the {@link ShuffleEnvironment} (network memory, partitions, connections) those tasks exchange data through.
 *
 * <p>Slot and task bookkeeping lives on the TaskManager's main thread; every gateway call hops onto it. Each task
 * runs on its own thread; one shared daemon thread fires processing-time timers and output flushes.
 */
public final class TaskExecutor implements TaskExecutorGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);
    private final ResourceID resourceId;
    private final MainThreadExecutor main;
    private final TaskSlot[] slots;
    private final Map<ExecutionAttemptID, Task> tasks = new HashMap<>();
    private final TaskServices services;
    private final ScheduledExecutorService timerThread;
    private final ShuffleEnvironment shuffle;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Consumer<JobID>> jobReleaseListeners = new ArrayList<>();

    /**
     * A TaskManager of an embedded cluster, under a new resource id.
     *
     * @param directory where this TaskManager's partitions are found by tasks of other TaskManagers in this JVM
     * @param fatalErrorHandler told about bugs on the main thread
     */
    public TaskExecutor(Configuration config, PartitionDirectory directory, Consumer<Throwable> fatalErrorHandler) {
        this(config, embedded(config, directory, new ResourceID()), fatalErrorHandler);
    }

    /**
     * A TaskManager whose tasks exchange data through {@code shuffle}, which it owns (and closes) from now on.
     *
     * @param resourceId this TaskManager's id; the one {@code shuffle} was made for
     * @param fatalErrorHandler told about bugs on the main thread
     */
    public TaskExecutor(Configuration config, ResourceID resourceId, ShuffleEnvironment shuffle,
            Consumer<Throwable> fatalErrorHandler) {
        this(config, checkedShuffle(resourceId, shuffle), fatalErrorHandler);
    }

    private TaskExecutor(Configuration config, ShuffleEnvironment shuffle, Consumer<Throwable> fatalErrorHandler) {
        int numSlots = config.get(TaskManagerOptions.NUM_TASK_SLOTS);
        if (numSlots < 1) {
            shuffle.close();
            throw new IllegalArgumentException("taskmanager.numberOfTaskSlots must be at least 1, not " + numSlots);
        }
        this.resourceId = shuffle.taskManagerId();
        this.shuffle = shuffle;
        this.main = new MainThreadExecutor("taskmanager-" + resourceId.toString().substring(0, 8), fatalErrorHandler);
        this.slots = new TaskSlot[numSlots];
        this.timerThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "taskmanager-timers-" + resourceId.toString().substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        this.services = new TaskServices(resourceId, shuffle.bufferPool(), shuffle.partitionManager(),
                shuffle.connector(), timerThread, config.get(TaskManagerOptions.BUFFERS_PER_CHANNEL),
                config.get(TaskManagerOptions.FLOATING_BUFFERS));
    }

    private static ShuffleEnvironment embedded(Configuration config, PartitionDirectory directory, ResourceID id) {
        return new EmbeddedShuffleEnvironment(config, directory, id);
    }

    private static ShuffleEnvironment checkedShuffle(ResourceID resourceId, ShuffleEnvironment shuffle) {
        if (!shuffle.taskManagerId().equals(resourceId)) {
            shuffle.close();
            throw new IllegalArgumentException("The shuffle environment serves TaskManager " + shuffle.taskManagerId()
                    + ", not " + resourceId + ": create it with the TaskManager's resource id");
        }
        return shuffle;
    }

    /** Registers with the ResourceManager. */
    public CompletableFuture<Void> start(ResourceManagerGateway resourceManager) {
        LOG.info("TaskManager {} starting with {} slots", resourceId, slots.length);
        return resourceManager.registerTaskExecutor(this, slots.length);
    }

    @Override
    public ResourceID getResourceId() {
        return resourceId;
    }

    /** Where other TaskManagers read this one's partitions, or null when its shuffle is embedded. */
    public InetSocketAddress dataAddress() {
        return shuffle.dataAddress();
    }

    public int numberOfSlots() {
        return slots.length;
    }

    @Override
    public CompletableFuture<Void> allocateSlot(int slotIndex, JobID jobId, AllocationID allocationId) {
        return main.call(() -> {
            if (slotIndex < 0 || slotIndex >= slots.length) {
                throw new IllegalArgumentException("TaskManager " + resourceId + " has no slot " + slotIndex);
            }
            if (slots[slotIndex] != null) {
                throw new IllegalStateException("Slot " + slotIndex + " of TaskManager " + resourceId
                        + " is already allocated to job " + slots[slotIndex].jobId());
            }
            slots[slotIndex] = new TaskSlot(jobId, allocationId);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> freeSlot(AllocationID allocationId) {
        return main.call(() -> {
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] != null && slots[i].allocationId().equals(allocationId)) {
                    for (Task t : tasks.values()) {
                        if (t.descriptor().allocationId().equals(allocationId)) {
                            t.cancel();
                        }
                    }
                    JobID job = slots[i].jobId();
                    slots[i] = null;
                    maybeReleaseJob(job);
                }
            }
            return null;
        });
    }

    /**
     * Cancels every task and frees every slot: the JobManager that allocated them is gone (its connection or
     * heartbeats were lost), so their results could not be reported.
     */
    public CompletableFuture<Void> freeAllSlots(String cause) {
        return main.call(() -> {
            if (!tasks.isEmpty()) {
                LOG.warn("Cancelling {} task(s) of TaskManager {}: {}", tasks.size(), resourceId, cause);
            }
            tasks.values().forEach(Task::cancel);
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] != null) {
                    JobID job = slots[i].jobId();
                    slots[i] = null;
                    maybeReleaseJob(job);
                }
            }
            return null;
        });
    }

    /** The number of slots allocated to jobs now (read on the main thread). */
    public CompletableFuture<Integer> allocatedSlots() {
        return main.call(() -> {
            int n = 0;
            for (TaskSlot s : slots) {
                n += s == null ? 0 : 1;
            }
            return n;
        });
    }

    /**
     * Tells {@code listener}, on the main thread, when a job holds no slot and runs no task here any more, so its
     * code can be released.
     */
    public void addJobReleaseListener(Consumer<JobID> listener) {
        main.execute(() -> jobReleaseListeners.add(listener));
    }

    private void maybeReleaseJob(JobID job) {
        for (TaskSlot s : slots) {
            if (s != null && s.jobId().equals(job)) {
                return;
            }
        }
        for (Task t : tasks.values()) {
            if (t.descriptor().jobId().equals(job)) {
                return;
            }
        }
        for (Consumer<JobID> l : jobReleaseListeners) {
            l.accept(job);
        }
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, TaskStateReporter jobMaster) {
        return main.call(() -> {
            TaskSlot slot = findSlot(tdd.allocationId());
            if (slot == null || !slot.jobId().equals(tdd.jobId())) {
                throw new IllegalStateException("Cannot deploy " + tdd.taskName() + " of job " + tdd.jobId()
                        + " to TaskManager " + resourceId + ": slot " + tdd.allocationId()
                        + " is not allocated to that job");
            }
            Task task = new Task(tdd, jobMaster, services, t -> main.execute(() -> {
                tasks.remove(t.attemptId());
                maybeReleaseJob(t.descriptor().jobId());
            }));
            tasks.put(tdd.attemptId(), task);
            task.start();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
        return main.call(() -> {
            Task t = tasks.get(attemptId);
            if (t != null) {
                t.cancel();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(ExecutionAttemptID attemptId, long checkpointId, long timestamp,
            CheckpointOptions options) {
        return main.call(() -> tasks.get(attemptId)).thenCompose(t -> t == null
                ? CompletableFuture.failedFuture(new IllegalStateException("TaskManager " + resourceId
                        + " runs no task attempt " + attemptId + " to trigger checkpoint " + checkpointId + " at"))
                : t.triggerCheckpoint(new RuntimeEvent.CheckpointBarrier(checkpointId, timestamp, options)));
    }

    /** The tasks running now (a snapshot taken on the main thread). */
    public CompletableFuture<List<Task>> runningTasks() {
        return main.call(() -> new ArrayList<>(tasks.values()));
    }

    /** Free network buffers (for tests and metrics). */
    public int availableNetworkBuffers() {
        return services.bufferPool().availableSegments();
    }

    private TaskSlot findSlot(AllocationID id) {
        for (TaskSlot s : slots) {
            if (s != null && s.allocationId().equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** Cancels every task and stops the TaskManager's threads; closing again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        main.call(() -> {
            tasks.values().forEach(Task::cancel);
            return null;
        }).join();
        shuffle.close();
        timerThread.shutdownNow();
        main.close();
    }

    /** An allocated slot. */
    private record TaskSlot(JobID jobId, AllocationID allocationId) {
    }
}
