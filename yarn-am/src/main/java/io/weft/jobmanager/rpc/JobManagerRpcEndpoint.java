package io.weft.jobmanager.rpc;

import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import io.weft.config.RpcOptions;
import io.weft.jobmanager.blob.BlobStore;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.resourcemanager.RegistrationRefusedException;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.runtime.ExecutionState;
import io.weft.runtime.HexIds;
import io.weft.runtime.ResourceID;
import io.weft.runtime.TaskExecutionState;
import io.weft.runtime.TaskStateMessages;
import io.weft.runtime.messages.Acknowledge;
import io.weft.runtime.messages.BlobChunk;
import io.weft.runtime.messages.FetchBlob;
import io.weft.runtime.messages.HeartbeatResponse;
import io.weft.runtime.messages.RegisterTaskManager;
import io.weft.runtime.messages.RegistrationResponse;
import io.weft.runtime.messages.TaskManagerHeartbeat;
import io.weft.runtime.messages.TaskStateUpdate;
import io.weft.runtime.rpc.ConnectionListener;
import io.weft.runtime.rpc.MainThreadExecutor;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcConnectionException;
import io.weft.runtime.rpc.RpcServer;
import io.weft.runtime.rpc.RpcSystem;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's RPC endpoint for TaskManagers in other processes: takes their registrations (opening a
 * connection back to each, through which the JobManager allocates slots and deploys tasks), their heartbeats,
 * their task reports (routed to the job's JobMaster) and their requests for job jars from the blob store.
 *
 * <p>Its bookkeeping (the connections to TaskManagers) lives on its own main thread, where every handler runs. A
 * TaskManager whose connection is lost, or whose heartbeats stop, is reported to the ResourceManager at once.
 */
public final class JobManagerRpcEndpoint implements AutoCloseable {
    /** The largest blob chunk sent in one message. */
    static final int MAX_CHUNK = 1 << 20;
    /** The most slots one TaskManager may announce. */
    static final int MAX_SLOTS = 1024;
    /** The states a TaskManager may report; the others are the JobManager's own. */
    private static final Set<ExecutionState> REPORTABLE = EnumSet.of(ExecutionState.INITIALIZING,
            ExecutionState.RUNNING, ExecutionState.FINISHED, ExecutionState.CANCELED, ExecutionState.FAILED);
    private static final Logger LOG = LoggerFactory.getLogger(JobManagerRpcEndpoint.class);
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;
    private final BlobStore blobs;
    private final MainThreadExecutor main;
    private final RpcServer server;
    private final RpcClient client;
    private final Duration askTimeout;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final Map<ResourceID, RemoteTaskExecutorGateway> taskManagers = new HashMap<>();
    private final ExecutorService blobThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jobmanager-blob-server");
        t.setDaemon(true);
        return t;
    });
    private final int maxChunk;

    /** Starts the server on {@code jobmanager.bind-host}:{@code jobmanager.rpc.port}. */
    public JobManagerRpcEndpoint(RpcSystem rpc, Configuration config, ResourceManager resourceManager,
            Dispatcher dispatcher, BlobStore blobs, Consumer<Throwable> fatalErrorHandler) {
        this.resourceManager = resourceManager;
        this.dispatcher = dispatcher;
        this.blobs = blobs;
        this.askTimeout = config.get(RpcOptions.ASK_TIMEOUT);
        this.heartbeatInterval = config.get(ClusterOptions.HEARTBEAT_INTERVAL);
        this.heartbeatTimeout = config.get(ClusterOptions.HEARTBEAT_TIMEOUT);
        if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("heartbeat.interval must be positive, not "
                    + heartbeatInterval.toMillis() + " ms");
        }
        if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("heartbeat.timeout (" + heartbeatTimeout.toMillis()
                    + " ms) must be longer than heartbeat.interval (" + heartbeatInterval.toMillis() + " ms)");
        }
        this.main = new MainThreadExecutor("jobmanager-rpc", fatalErrorHandler);
        // a chunk and its envelope must fit in one frame
        this.maxChunk = (int) Math.max(1, Math.min(MAX_CHUNK, config.get(RpcOptions.FRAME_SIZE).bytes() - 1024));
        this.client = rpc.createClient();
        this.server = rpc.startServer(config.get(ClusterOptions.JOB_MANAGER_BIND_HOST),
                config.get(ClusterOptions.JOB_MANAGER_RPC_PORT));
        server.registerHandler(RegisterTaskManager.class, main::execute, this::register);
        server.registerHandler(TaskManagerHeartbeat.class, main::execute,
                hb -> resourceManager.heartbeatFrom(HexIds.resourceId(hb.getResourceId()))
                        .thenApply(HeartbeatResponse::new));
        server.registerHandler(TaskStateUpdate.class, main::execute, this::taskStateUpdate);
        server.registerHandler(FetchBlob.class, blobThread, this::fetchBlob);
        resourceManager.addTaskManagerLossListener(lost -> main.execute(() -> {
            if (lost instanceof RemoteTaskExecutorGateway remote) {
                taskManagers.remove(remote.getResourceId(), remote);
                remote.close();
            }
        }));
        resourceManager.monitorHeartbeats(heartbeatInterval, heartbeatTimeout);
        LOG.info("JobManager RPC endpoint listening on {}", server.address());
    }

    /** The address the RPC server listens on. */
    public InetSocketAddress address() {
        return server.address();
    }

    private CompletableFuture<RegistrationResponse> register(RegisterTaskManager request) {
        ResourceID id = HexIds.resourceId(request.getResourceId());
        if (request.getNumberOfSlots() < 1 || request.getNumberOfSlots() > MAX_SLOTS || !validPort(request.getRpcPort()) || !validPort(request.getDataPort())
                || request.getHost().isBlank()) {
            return CompletableFuture.completedFuture(refuse("malformed registration: slots "
                    + request.getNumberOfSlots() + ", host '" + request.getHost() + "', ports "
                    + request.getRpcPort() + "/" + request.getDataPort()));
        }
        disconnect(id);
        String where = request.getHost() + ":" + request.getRpcPort();
        RpcConnection connection = client.connect(request.getHost(), request.getRpcPort(), main::execute,
                new ConnectionListener() {
                    @Override
                    public void connectionLost(RpcConnection c, RpcConnectionException cause) {
                        RemoteTaskExecutorGateway current = taskManagers.get(id);
                        if (current != null && current.connection() == c) {
                            resourceManager.taskManagerLost(current, "connection to TaskManager at " + where
                                    + " lost: " + cause.getMessage());
                        }
                    }
                });
        RemoteTaskExecutorGateway gateway = new RemoteTaskExecutorGateway(id, connection,
                InetSocketAddress.createUnresolved(request.getHost(), request.getDataPort()), askTimeout);
        taskManagers.put(id, gateway);
        return connection.whenConnected().orTimeout(askTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(v -> resourceManager.registerTaskExecutor(gateway, request.getNumberOfSlots()))
                .handle((v, e) -> {
                    if (e == null) {
                        LOG.info("TaskManager {} at {} registered with {} slots", id, where,
                                request.getNumberOfSlots());
                        return new RegistrationResponse(true, "", heartbeatInterval.toMillis(),
                                heartbeatTimeout.toMillis());
                    }
                    main.execute(() -> {
                        taskManagers.remove(id, gateway);
                        gateway.close();
                    });
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof RegistrationRefusedException) {
                        return refuse(cause.getMessage());
                    }
                    return refuse("the JobManager cannot connect back to the TaskManager at " + where + " ("
                            + e.getMessage() + "): set taskmanager.host to an address the JobManager reaches");
                });
    }

    private RegistrationResponse refuse(String reason) {
        LOG.warn("Refused a TaskManager registration: {}", reason);
        return new RegistrationResponse(false, reason, heartbeatInterval.toMillis(), heartbeatTimeout.toMillis());
    }

    private static boolean validPort(int port) {
        return port > 0 && port < 65536;
    }

    private CompletableFuture<Acknowledge> taskStateUpdate(TaskStateUpdate update) {
        TaskExecutionState state = TaskStateMessages.fromMessage(update);
        if (!REPORTABLE.contains(state.state())) {
            throw new IllegalArgumentException("A TaskManager cannot report " + state.state() + " for task "
                    + update.getAttemptId());
        }
        return dispatcher.jobMasterGateway(HexIds.jobId(update.getJobId())).thenApply(jm -> {
            if (jm.isPresent()) {
                jm.get().updateTaskExecutionState(state);
            } else {
                LOG.debug("Dropped a report of task {}: job {} is not running", update.getAttemptId(),
                        update.getJobId());
            }
            return new Acknowledge();
        });
    }

    private CompletableFuture<BlobChunk> fetchBlob(FetchBlob request) {
        BlobStore.Chunk chunk = blobs.read(request.getKey(), request.getOffset(),
                Math.min(request.getMaxLength(), maxChunk));
        return CompletableFuture.completedFuture(new BlobChunk(chunk.totalLength(), chunk.data()));
    }

    private void disconnect(ResourceID id) {
        RemoteTaskExecutorGateway old = taskManagers.remove(id);
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        blobThread.shutdownNow();
        server.close();
        client.close();
        main.close();
    }
}
