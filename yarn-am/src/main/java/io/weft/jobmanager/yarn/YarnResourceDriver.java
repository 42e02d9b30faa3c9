package io.weft.jobmanager.yarn;

import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import io.weft.config.ProcessMemory;
import io.weft.config.TaskManagerOptions;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.resourcemanager.NotEnoughSlotsException;
import io.weft.jobmanager.resourcemanager.ResourceManagerActions;
import io.weft.jobmanager.resourcemanager.ResourceManagerDriver;
import io.weft.runtime.ResourceID;
import io.weft.runtime.rpc.ClusterSecret;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.UpdatedContainer;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ResourceManager's driver inside a YARN ApplicationMaster: asks YARN for TaskManager containers as jobs need
 * slots, launches TaskManagers in them, replaces those that end (up to {@code yarn.maximum-failed-containers}),
 * releases excess and idle ones, and unregisters the application at the end.
 *
 * <h2>Threading</h2>
 * The driver's state lives on the ResourceManager's main thread: its methods are called there, and every callback
 * of {@link AMRMClientAsync} and {@link NMClientAsync} (their own threads) hops onto it first. {@link #register}
 * and {@link #unregister} block and run on the ApplicationMaster's own thread; the YARN clients are created before,
 * on a thread of their own ({@link #startClientsInBackground}).
 */
public final class YarnResourceDriver implements ResourceManagerDriver {
    private static final Logger LOG = LoggerFactory.getLogger(YarnResourceDriver.class);
    private static final Priority TASK_MANAGER_PRIORITY = Priority.newInstance(1);

    private final Configuration config;
    private final CompletableFuture<Void> clientsStarted = new CompletableFuture<>();
    private volatile YarnConfiguration yarnConf;
    private final YarnLaunchSpec spec;
    private final String clusterSecret;
    private final Consumer<Throwable> fatalErrorHandler;
    private final int slotsPerTaskManager;
    private final int containerMegabytes;
    private final int containerVcores;
    private volatile Resource containerResource;
    private final ProcessMemory taskManagerMemory;
    private final int maxFailedContainers;
    private final Duration idleTimeout;
    private final boolean releaseIdle;

    private final ArrayDeque<ContainerRequest> requested = new ArrayDeque<>();
    private final Map<ContainerId, Worker> byContainer = new LinkedHashMap<>();
    private final Map<ResourceID, Worker> byResource = new HashMap<>();
    private final Set<ContainerId> releasing = new HashSet<>();
    private ResourceManagerActions actions;
    private Executor mainThread;
    private volatile AMRMClientAsync<ContainerRequest> resourceManagerClient;
    private volatile NMClientAsync nodeManagerClient;
    private volatile String jobManagerHost;
    private volatile int jobManagerPort;
    private int failedContainers;
    private boolean requestHeartbeats;

    /**
     * @param config the cluster's configuration (TaskManager size, slots, yarn.* options)
     * @param spec what the client shipped: the TaskManagers' resources and classpath
     * @param clusterSecret the cluster secret (base64) the TaskManagers get in their environment
     * @param releaseIdle whether TaskManagers idle for {@code resourcemanager.taskmanager-timeout} go back to YARN
     */
    public YarnResourceDriver(Configuration config, YarnLaunchSpec spec, String clusterSecret, boolean releaseIdle,
            Consumer<Throwable> fatalErrorHandler) {
        this.config = config;
        this.spec = spec;
        this.clusterSecret = clusterSecret;
        this.releaseIdle = releaseIdle;
        this.fatalErrorHandler = fatalErrorHandler;
        this.slotsPerTaskManager = config.get(TaskManagerOptions.NUM_TASK_SLOTS);
        this.taskManagerMemory = ProcessMemory.forTaskManager(config);
        int vcores = config.get(YarnOptions.CONTAINER_VCORES);
        this.containerMegabytes = megabytes(taskManagerMemory);
        this.containerVcores = vcores > 0 ? vcores : slotsPerTaskManager;
        this.maxFailedContainers = config.get(YarnOptions.MAXIMUM_FAILED_CONTAINERS);
        this.idleTimeout = config.get(YarnOptions.TASKMANAGER_TIMEOUT);
    }

    /** The container memory, in MB, for a process of {@code memory}'s total size. */
    static int megabytes(ProcessMemory memory) {
        return (int) Math.ceil(memory.process().bytes() / (1024.0 * 1024.0));
    }

    @Override
    public void initialize(ResourceManagerActions resourceManagerActions, Executor executor) {
        this.actions = resourceManagerActions;
        this.mainThread = executor;
    }

    /**
     * Loads the YARN configuration and starts the YARN clients on a thread of their own (class loading and
     * initialization take a second or two, which overlaps with the JobManager's start); {@link #register} waits
     * for them.
     */
    public void startClientsInBackground() {
        Thread starter = new Thread(() -> {
            try {
                YarnConfiguration conf = new YarnConfiguration();
                containerResource = Resource.newInstance(containerMegabytes, containerVcores);
                NMClientAsync nm = NMClientAsync.createNMClientAsync(new NodeManagerCallbacks());
                nm.init(conf);
                nm.start();
                nodeManagerClient = nm;
                AMRMClientAsync<ContainerRequest> rm = AMRMClientAsync.createAMRMClientAsync(
                        (int) config.get(YarnOptions.HEARTBEAT_INTERVAL).toMillis(), new ResourceManagerCallbacks());
                rm.init(conf);
                rm.start();
                resourceManagerClient = rm;
                yarnConf = conf;
                clientsStarted.complete(null);
            } catch (RuntimeException | Error e) {
                clientsStarted.completeExceptionally(e);
            }
        }, "yarn-clients-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Registers the ApplicationMaster once the YARN clients started; blocking, on the AM's thread.
     *
     * @param host the host the AM's REST endpoint is reached at
     * @param restPort its port, registered as the AM's "RPC port" so clients find the REST endpoint
     * @param trackingUrl the URL YARN's web UI links to
     * @param rpcHost the JobManager's RPC host that TaskManagers connect to
     * @param rpcPort the JobManager's RPC port
     * @return the largest container the cluster grants
     */
    public Resource register(String host, int restPort, String trackingUrl, String rpcHost, int rpcPort)
            throws Exception {
        this.jobManagerHost = rpcHost;
        this.jobManagerPort = rpcPort;
        try {
            clientsStarted.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        Resource max = resourceManagerClient.registerApplicationMaster(host, restPort, trackingUrl)
                .getMaximumResourceCapability();
        LOG.info("Registered with YARN (tracking URL {}); TaskManager containers of {} MB and {} vcores, at most"
                + " {} MB and {} vcores", trackingUrl, containerResource.getMemorySize(),
                containerResource.getVirtualCores(), max.getMemorySize(), max.getVirtualCores());
        return max;
    }

    /** The resources of each TaskManager container. */
    public Resource containerResource() {
        return containerResource;
    }

    /** Unregisters with a final status; YARN then stops every container of the application. Blocking. */
    public void unregister(FinalApplicationStatus status, String diagnostics, String trackingUrl) throws Exception {
        resourceManagerClient.unregisterApplicationMaster(status, diagnostics, trackingUrl);
        LOG.info("Unregistered from YARN with final status {}: {}", status, diagnostics);
    }

    @Override
    public boolean canStartTaskManagers() {
        return true;
    }

    @Override
    public void startTaskManagers(int missingSlots) {
        // a job submitted before the ApplicationMaster registered (a fixed rest.port) waits for the YARN clients
        clientsStarted.join();
        if (failedContainers > maxFailedContainers) {
            throw new NotEnoughSlotsException(failedContainers + " TaskManager containers failed, more than"
                    + " yarn.maximum-failed-containers (" + maxFailedContainers + "): see the last failures in the"
                    + " JobManager log, or raise the limit");
        }
        int wanted = (missingSlots + slotsPerTaskManager - 1) / slotsPerTaskManager;
        int coming = requested.size() + starting();
        for (int i = coming; i < wanted; i++) {
            ContainerRequest request = new ContainerRequest(containerResource, null, null, TASK_MANAGER_PRIORITY);
            resourceManagerClient.addContainerRequest(request);
            requested.add(request);
        }
        if (wanted > coming) {
            LOG.info("Requested {} TaskManager container(s) of {} MB for {} missing slot(s) ({} already on the way)",
                    wanted - coming, containerResource.getMemorySize(), missingSlots, coming);
        }
        adjustHeartbeat();
    }

    @Override
    public void cancelSurplusRequests(int missingSlots) {
        int wanted = (missingSlots + slotsPerTaskManager - 1) / slotsPerTaskManager;
        int cancelled = 0;
        while (!requested.isEmpty() && requested.size() + starting() > wanted) {
            resourceManagerClient.removeContainerRequest(requested.pollLast());
            cancelled++;
        }
        if (cancelled > 0) {
            LOG.info("Cancelled {} container request(s): {} slot(s) are missing now", cancelled, missingSlots);
            adjustHeartbeat();
        }
    }

    private int starting() {
        return (int) byContainer.values().stream().filter(w -> !w.registered).count();
    }

    private void adjustHeartbeat() {
        boolean waiting = !requested.isEmpty();
        if (waiting != requestHeartbeats) {
            requestHeartbeats = waiting;
            resourceManagerClient.setHeartbeatInterval((int) (waiting
                    ? config.get(YarnOptions.CONTAINER_REQUEST_HEARTBEAT_INTERVAL)
                    : config.get(YarnOptions.HEARTBEAT_INTERVAL)).toMillis());
        }
    }

    @Override
    public boolean acceptsRegistration(ResourceID id) {
        return byResource.containsKey(id);
    }

    @Override
    public void taskManagerRegistered(ResourceID id) {
        Worker w = byResource.get(id);
        if (w != null) {
            w.registered = true;
        }
    }

    @Override
    public Optional<Duration> idleTaskManagerTimeout() {
        return releaseIdle ? Optional.of(idleTimeout) : Optional.empty();
    }

    @Override
    public void releaseTaskManager(ResourceID id) {
        Worker w = byResource.remove(id);
        if (w != null) {
            byContainer.remove(w.container.getId());
            release(w.container);
        }
    }

    private void release(Container container) {
        releasing.add(container.getId());
        nodeManagerClient.stopContainerAsync(container.getId(), container.getNodeId());
        resourceManagerClient.releaseAssignedContainer(container.getId());
    }

    @Override
    public String describeCapacity() {
        return "YARN TaskManager containers of " + containerMegabytes + " MB with "
                + slotsPerTaskManager + " slot" + (slotsPerTaskManager == 1 ? "" : "s") + " each: "
                + byContainer.size() + " running or starting, " + requested.size() + " requested";
    }

    private void onAllocated(List<Container> containers) {
        for (Container c : containers) {
            ContainerRequest request = requested.poll();
            if (request == null || failedContainers > maxFailedContainers) {
                LOG.info("Returning container {} on {}: no TaskManager is missing", c.getId(), c.getNodeId());
                resourceManagerClient.releaseAssignedContainer(c.getId());
                continue;
            }
            resourceManagerClient.removeContainerRequest(request);
            launch(c);
        }
        adjustHeartbeat();
    }

    private void launch(Container container) {
        ResourceID id = new ResourceID();
        Worker worker = new Worker(container, id);
        byContainer.put(container.getId(), worker);
        byResource.put(id, worker);
        Map<String, String> dynamic = new LinkedHashMap<>();
        dynamic.put("jobmanager.rpc.address", jobManagerHost);
        dynamic.put("jobmanager.rpc.port", Integer.toString(jobManagerPort));
        dynamic.put("taskmanager.resource-id", id.toString());
        dynamic.put("taskmanager.host", Environment.NM_HOST.$$());
        dynamic.put("taskmanager.bind-host", Environment.NM_HOST.$$());
        dynamic.put("taskmanager.data.bind-host", Environment.NM_HOST.$$());
        if (!config.contains(ClusterOptions.BLOB_STORAGE_DIRECTORY)) {
            dynamic.put(ClusterOptions.BLOB_STORAGE_DIRECTORY.key(), Environment.PWD.$$() + "/blobs");
        }
        String command = YarnContainers.javaCommand(YarnContainers.TASK_MANAGER_CLASS, taskManagerMemory,
                "taskmanager", dynamic);
        Map<String, String> env = YarnContainers.environment(YarnContainers.classpath(spec.classpath(), yarnConf));
        env.put(ClusterSecret.ENV_VARIABLE, clusterSecret);
        ContainerLaunchContext context = ContainerLaunchContext.newInstance(
                YarnContainers.localResources(spec.resources(), true), env, List.of(command), null,
                (ByteBuffer) null, null);
        LOG.info("Starting TaskManager {} in container {} on {}", id, container.getId(), container.getNodeId());
        nodeManagerClient.startContainerAsync(container, context);
    }

    private void onCompleted(List<ContainerStatus> statuses) {
        for (ContainerStatus status : statuses) {
            if (releasing.remove(status.getContainerId())) {
                continue;
            }
            Worker w = byContainer.remove(status.getContainerId());
            if (w == null) {
                continue;
            }
            byResource.remove(w.id);
            failed(w, ContainerExits.describe("TaskManager container", status, w.container.getNodeId().toString()));
        }
    }

    private void failed(Worker w, String sentence) {
        failedContainers++;
        LOG.warn("{} ({} of at most {} failed containers)", sentence, failedContainers, maxFailedContainers);
        if (w.registered) {
            actions.taskManagerGone(w.id, sentence);
        }
        if (failedContainers > maxFailedContainers) {
            actions.failPendingRequests(sentence + "; " + failedContainers + " containers failed, more than"
                    + " yarn.maximum-failed-containers (" + maxFailedContainers + ")");
        } else {
            actions.requestMissingTaskManagers();
        }
    }

    private void onStartFailed(ContainerId id, Throwable cause) {
        Worker w = byContainer.remove(id);
        if (w == null) {
            return;
        }
        byResource.remove(w.id);
        releasing.add(id);
        resourceManagerClient.releaseAssignedContainer(id);
        failed(w, "TaskManager container " + id + " on " + w.container.getNodeId() + " could not be started: "
                + ContainerExits.oneLine(String.valueOf(cause.getMessage())));
    }

    @Override
    public void close() {
        if (resourceManagerClient != null) {
            resourceManagerClient.stop();
        }
        if (nodeManagerClient != null) {
            nodeManagerClient.stop();
        }
    }

    /** A container this driver launched a TaskManager in. Main thread only. */
    private static final class Worker {
        final Container container;
        final ResourceID id;
        boolean registered;

        Worker(Container container, ResourceID id) {
            this.container = container;
            this.id = id;
        }
    }

    /** YARN ResourceManager callbacks, on the AMRM client's thread: each hops onto the main thread. */
    private final class ResourceManagerCallbacks extends AMRMClientAsync.AbstractCallbackHandler {
        @Override
        public void onContainersAllocated(List<Container> containers) {
            mainThread.execute(() -> onAllocated(containers));
        }

        @Override
        public void onContainersCompleted(List<ContainerStatus> statuses) {
            mainThread.execute(() -> onCompleted(statuses));
        }

        @Override
        public void onContainersUpdated(List<UpdatedContainer> containers) {
        }

        @Override
        public void onShutdownRequest() {
            fatalErrorHandler.accept(new IllegalStateException("The YARN ResourceManager told the"
                    + " ApplicationMaster to shut down (the application was killed or the ResourceManager lost it)"));
        }

        @Override
        public void onNodesUpdated(List<NodeReport> updatedNodes) {
        }

        @Override
        public float getProgress() {
            return 0;
        }

        @Override
        public void onError(Throwable e) {
            fatalErrorHandler.accept(e);
        }
    }

    /** YARN NodeManager callbacks, on the NM client's threads: each hops onto the main thread. */
    private final class NodeManagerCallbacks extends NMClientAsync.AbstractCallbackHandler {
        @Override
        public void onContainerStarted(ContainerId containerId, Map<String, ByteBuffer> allServiceResponse) {
            LOG.debug("Container {} started", containerId);
        }

        @Override
        public void onContainerStatusReceived(ContainerId containerId, ContainerStatus containerStatus) {
        }

        @Override
        public void onContainerStopped(ContainerId containerId) {
        }

        @Override
        public void onStartContainerError(ContainerId containerId, Throwable t) {
            mainThread.execute(() -> onStartFailed(containerId, t));
        }

        @Override
        public void onContainerResourceIncreased(ContainerId containerId, Resource resource) {
        }

        @Override
        public void onContainerResourceUpdated(ContainerId containerId, Resource resource) {
        }

        @Override
        public void onGetContainerStatusError(ContainerId containerId, Throwable t) {
        }

        @Override
        public void onIncreaseContainerResourceError(ContainerId containerId, Throwable t) {
        }

        @Override
        public void onUpdateContainerResourceError(ContainerId containerId, Throwable t) {
        }

        @Override
        public void onStopContainerError(ContainerId containerId, Throwable t) {
            LOG.debug("Stopping container {} failed (YARN releases it anyway)", containerId, t);
        }
    }
}
