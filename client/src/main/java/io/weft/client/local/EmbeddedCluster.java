package io.weft.client.local;

import io.weft.config.Configuration;
import io.weft.config.TaskManagerOptions;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.resourcemanager.FixedResourceDriver;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.runtime.ResourceID;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.network.EmbeddedShuffleEnvironment;
import io.weft.runtime.network.PartitionDirectory;
import io.weft.runtime.taskexecutor.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole Weft cluster in this JVM: a JobManager (Dispatcher and ResourceManager) and a fixed number of
 * TaskManagers — the same classes that run as separate processes, talking through direct calls instead of RPC,
 * their tasks exchanging buffers through local channels ({@link EmbeddedShuffleEnvironment}).
 *
 * <p>Life cycle: constructed started; {@link #close()} stops every component. Thread-safe. A bug on any
 * component's main thread is kept as the cluster's fatal error and fails running jobs.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();
    private final AtomicReference<Throwable> fatalError = new AtomicReference<>();

    /**
     * Starts the cluster and waits until every TaskManager registered.
     *
     * @param taskManagers number of TaskManagers
     * @param config cluster configuration; {@code taskmanager.numberOfTaskSlots} sizes each TaskManager
     */
    public EmbeddedCluster(int taskManagers, Configuration config) {
        int slots = config.get(TaskManagerOptions.NUM_TASK_SLOTS);
        resourceManager = new ResourceManager(new FixedResourceDriver(taskManagers, slots), this::onFatalError);
        dispatcher = new Dispatcher(resourceManager, this::onFatalError);
        PartitionDirectory directory = new PartitionDirectory();
        List<CompletableFuture<Void>> registrations = new ArrayList<>();
        for (int i = 0; i < taskManagers; i++) {
            ResourceID id = new ResourceID();
            TaskExecutor te = new TaskExecutor(config, id, new EmbeddedShuffleEnvironment(config, directory, id),
                    this::onFatalError);
            taskExecutors.add(te);
            registrations.add(te.start(resourceManager));
        }
        CompletableFuture.allOf(registrations.toArray(new CompletableFuture[0])).join();
        LOG.info("Embedded cluster started: {} TaskManager(s) x {} slot(s)", taskManagers, slots);
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public ResourceManager resourceManager() {
        return resourceManager;
    }

    public List<TaskExecutor> taskExecutors() {
        return List.copyOf(taskExecutors);
    }

    /** The first unexpected error of a cluster component, or null. */
    public Throwable fatalError() {
        return fatalError.get();
    }

    private void onFatalError(Throwable t) {
        OutOfMemoryExit.haltIfOutOfMemory(t);
        fatalError.compareAndSet(null, t);
    }

    @Override
    public void close() {
        dispatcher.close();
        for (TaskExecutor te : taskExecutors) {
            te.close();
        }
        resourceManager.close();
    }
}
