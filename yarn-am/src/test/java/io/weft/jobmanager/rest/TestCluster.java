package io.weft.jobmanager.rest;

import io.weft.api.JobID;
import io.weft.config.Configuration;
import io.weft.config.RestOptions;
import io.weft.config.TaskManagerOptions;
import io.weft.graph.JobGraph;
import io.weft.jobmanager.JobResult;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.resourcemanager.FixedResourceDriver;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.runtime.network.PartitionDirectory;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RestToken;
import io.weft.runtime.taskexecutor.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JobManager (ResourceManager, Dispatcher, REST endpoint on an ephemeral loopback port with a
 * cluster secret of its own, its {@link #client} sending the token) and TaskExecutors in this
 * JVM, with a {@link FakeJarRunner} behind {@code /jars/:jarid/run}.
 */
final class TestCluster implements AutoCloseable {
    final ResourceManager resourceManager;
    final Dispatcher dispatcher;
    final RestEndpoint rest;
    final FakeJarRunner jarRunner = new FakeJarRunner();
    final ClusterSecret secret = ClusterSecret.generate();
    final RestClient client;
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();
    private final AtomicReference<Throwable> fatalError = new AtomicReference<>();

    /**
     * @param restConfig REST settings on top of port 0
     */
    TestCluster(int taskManagers, int slotsPerTaskManager, Configuration restConfig) throws Exception {
        Configuration config = new Configuration().set(TaskManagerOptions.NUM_TASK_SLOTS, slotsPerTaskManager)
                .set(RestOptions.PORT, 0).addAll(restConfig);
        resourceManager = new ResourceManager(new FixedResourceDriver(taskManagers, slotsPerTaskManager),
                this::onFatalError);
        dispatcher = new Dispatcher(resourceManager, this::onFatalError);
        PartitionDirectory directory = new PartitionDirectory();
        List<CompletableFuture<Void>> registrations = new ArrayList<>();
        for (int i = 0; i < taskManagers; i++) {
            TaskExecutor te = new TaskExecutor(config, directory, this::onFatalError);
            taskExecutors.add(te);
            registrations.add(te.start(resourceManager));
        }
        CompletableFuture.allOf(registrations.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
        rest = RestEndpoint.start(config, secret, dispatcher, resourceManager, jarRunner);
        client = new RestClient("http://127.0.0.1:" + rest.port(), RestToken.of(secret));
    }

    TestCluster(int taskManagers, int slotsPerTaskManager) throws Exception {
        this(taskManagers, slotsPerTaskManager, new Configuration());
    }

    /** The header line that authenticates a raw request ({@link RestClient#raw}). */
    String authorizationLine() {
        return RestToken.HEADER + ": " + RestToken.of(secret).headerValue() + "\r\n";
    }

    JobID submit(JobGraph graph) throws Exception {
        return dispatcher.submitJob(graph, getClass().getClassLoader()).get(30, TimeUnit.SECONDS);
    }

    /** Waits for the job's end. */
    JobResult awaitResult(JobID id) throws Exception {
        return dispatcher.requestJobResult(id).get(60, TimeUnit.SECONDS);
    }

    /** The first unexpected error of a cluster component, or null. */
    Throwable fatalError() {
        return fatalError.get();
    }

    private void onFatalError(Throwable t) {
        fatalError.compareAndSet(null, t);
    }

    @Override
    public void close() {
        rest.close();
        dispatcher.close();
        taskExecutors.forEach(TaskExecutor::close);
        resourceManager.close();
    }
}
