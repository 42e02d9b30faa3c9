package io.weft.runtime.taskexecutor;

import io.weft.api.FatalException;
import io.weft.api.JobID;
import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import io.weft.config.MemoryOptions;
import io.weft.config.RpcOptions;
import io.weft.runtime.ErrorInfo;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.ExecutionState;
import io.weft.runtime.HexIds;
import io.weft.runtime.ResourceID;
import io.weft.runtime.TaskExecutionState;
import io.weft.runtime.TaskStateReporter;
import io.weft.runtime.deployment.TaskDeploymentMessages;
import io.weft.runtime.entrypoint.EntrypointArguments;
import io.weft.runtime.entrypoint.ProcessShutdown;
import io.weft.runtime.messages.Acknowledge;
import io.weft.runtime.messages.AllocateSlot;
import io.weft.runtime.messages.CancelTask;
import io.weft.runtime.messages.FreeSlot;
import io.weft.runtime.messages.HeartbeatResponse;
import io.weft.runtime.messages.RegistrationResponse;
import io.weft.runtime.messages.SubmitTask;
import io.weft.runtime.messages.TriggerCheckpoint;
import io.weft.runtime.checkpoint.AlignmentType;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.checkpoint.CheckpointType;
import io.weft.runtime.network.netty.NettyShuffleEnvironment;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ClusterSecretRejectedException;
import io.weft.runtime.rpc.ClusterSecrets;
import io.weft.runtime.rpc.ConnectionListener;
import io.weft.runtime.rpc.MainThreadExecutor;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcConnectionException;
import io.weft.runtime.rpc.RpcServer;
import io.weft.runtime.rpc.netty.NettyRpcSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager as a process of its own ({@code taskmanager.sh}, a YARN container): runs a {@link TaskExecutor},
 * serves the JobManager's requests (allocate and free slots, deploy and cancel tasks) on its RPC server, and keeps
 * itself registered with the JobManager — registering whenever its connection is (re)established, sending
 * heartbeats, and giving up every slot when the JobManager is lost (connection closed, heartbeats unanswered, or
 * the JobManager no longer knowing it). A TaskManager that stays unregistered for
 * {@code taskmanager.registration.timeout} ends with a fatal error, so that no orphan keeps running; one whose
 * cluster secret the JobManager rejects ends at once with a {@link ClusterSecretRejectedException} (as a process,
 * with exit code {@value #SECRET_REJECTED_EXIT_CODE}), since retrying cannot help. It logs that it started
 * ("TaskManager … started with …", which {@code taskmanager.sh} waits for) once its first attempt to reach the
 * JobManager has ended otherwise: connected, or failed for a reason retrying may cure.
 *
 * <p>Registration state lives on the runner's main thread, where every RPC handler and connection event runs.
 */
public final class TaskManagerRunner implements AutoCloseable {
    /** Exit code of a TaskManager process whose cluster secret the JobManager rejected (EX_CONFIG). */
    public static final int SECRET_REJECTED_EXIT_CODE = 78;
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);
    private final TaskExecutor taskExecutor;
    private final MainThreadExecutor main;
    private final RpcServer server;
    private final RpcClient client;
    private final JobManagerConnection jobManager;
    private final JobUserCodeCache userCode;
    private final String advertisedHost;
    private final String jobManagerAddress;
    private final Duration registrationTimeout;
    private final Consumer<Throwable> fatalErrorHandler;
    private Duration heartbeatInterval;
    private Duration heartbeatTimeout;
    private State state = State.DISCONNECTED;
    private long registeredSinceNanos;
    private long lastHeartbeatAckNanos;
    private ScheduledFuture<?> heartbeats;
    private ScheduledFuture<?> registrationDeadline;
    private int registrationAttempt;
    private boolean announced;
    /** Deployed attempts whose job code is still loading, and whether each was cancelled meanwhile. */
    private final Map<ExecutionAttemptID, Boolean> loading = new HashMap<>();

    /** Starts the TaskManager and begins registering with the JobManager named by {@code jobmanager.rpc.*}. */
    public TaskManagerRunner(Configuration config, ClusterSecret secret, Consumer<Throwable> fatalErrorHandler) {
        this.fatalErrorHandler = fatalErrorHandler;
        this.advertisedHost = config.get(ClusterOptions.TASK_MANAGER_HOST);
        this.registrationTimeout = config.get(ClusterOptions.TASK_MANAGER_REGISTRATION_TIMEOUT);
        this.heartbeatInterval = config.get(ClusterOptions.HEARTBEAT_INTERVAL);
        this.heartbeatTimeout = config.get(ClusterOptions.HEARTBEAT_TIMEOUT);
        NettyRpcSystem rpc = new NettyRpcSystem(config, secret);
        String configuredId = config.get(ClusterOptions.TASK_MANAGER_RESOURCE_ID).trim();
        ResourceID resourceId = configuredId.isEmpty() ? new ResourceID() : HexIds.resourceId(configuredId);
        this.taskExecutor = new TaskExecutor(config, resourceId, NettyShuffleEnvironment.start(config, secret,
                resourceId), fatalErrorHandler);
        this.main = new MainThreadExecutor("taskmanager-rpc", fatalErrorHandler);
        try {
            String blobs = config.get(ClusterOptions.BLOB_STORAGE_DIRECTORY);
            this.userCode = new JobUserCodeCache(blobs.isEmpty() ? Files.createTempDirectory("weft-tm-blobs-")
                    : Files.createDirectories(Path.of(blobs, "taskmanager-" + resourceId)), this::fetch);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for job jars: " + e.getMessage(), e);
        }
        taskExecutor.addJobReleaseListener(userCode::release);
        this.server = rpc.startServer(config.get(ClusterOptions.TASK_MANAGER_BIND_HOST),
                config.get(ClusterOptions.TASK_MANAGER_RPC_PORT));
        registerHandlers();
        this.client = rpc.createClient();
        String jmHost = config.get(ClusterOptions.JOB_MANAGER_RPC_ADDRESS);
        int jmPort = config.get(ClusterOptions.JOB_MANAGER_RPC_PORT);
        this.jobManagerAddress = jmHost + ":" + jmPort;
        RpcConnection connection = client.connect(jmHost, jmPort, main::execute, new ConnectionListener() {
            @Override
            public void connected(RpcConnection c) {
                announceStarted();
                onConnected();
            }

            @Override
            public void connectionLost(RpcConnection c, RpcConnectionException cause) {
                jobManagerLost("connection lost: " + cause.getMessage());
                state = State.DISCONNECTED;
            }

            @Override
            public void reconnectScheduled(RpcConnection c, int attempt, Duration delay,
                    RpcConnectionException lastFailure) {
                if (lastFailure instanceof ClusterSecretRejectedException) {
                    secretRejected();
                } else {
                    announceStarted();
                }
            }
        });
        this.jobManager = new JobManagerConnection(connection, config.get(RpcOptions.ASK_TIMEOUT));
        main.execute(this::armRegistrationDeadline);
    }

    /** Logs, once, that the TaskManager runs; on the main thread. */
    private void announceStarted() {
        if (!announced) {
            announced = true;
            LOG.info("TaskManager {} started with {} slot(s), RPC on {}; registering with the JobManager at {}",
                    taskExecutor.getResourceId(), taskExecutor.numberOfSlots(), server.address(), jobManagerAddress);
        }
    }

    /** The JobManager will never take this TaskManager: ends it through the fatal error handler, once. */
    private void secretRejected() {
        if (state == State.REJECTED) {
            return;
        }
        state = state.to(State.REJECTED);
        if (registrationDeadline != null) {
            registrationDeadline.cancel(false);
        }
        if (jobManager != null) { // null while the constructor has not finished
            jobManager.connection().close();
        }
        fatalErrorHandler.accept(new ClusterSecretRejectedException(jobManagerAddress, "The JobManager at "
                + jobManagerAddress + " rejected the cluster secret of TaskManager " + taskExecutor.getResourceId()
                + ": start the TaskManager with the JobManager's secret (the same security.cluster-secret.file, or"
                + " the same WEFT_CLUSTER_SECRET)"));
    }

    public TaskExecutor taskExecutor() {
        return taskExecutor;
    }

    /** Whether the TaskManager is registered with a JobManager now (read on the main thread). */
    public CompletableFuture<Boolean> isRegistered() {
        return main.call(() -> state == State.REGISTERED);
    }

    private void registerHandlers() {
        server.registerHandler(AllocateSlot.class, main::execute, m -> taskExecutor.allocateSlot(m.getSlotIndex(),
                HexIds.jobId(m.getJobId()), HexIds.allocationId(m.getAllocationId())).thenApply(v -> ack()));
        server.registerHandler(FreeSlot.class, main::execute,
                m -> taskExecutor.freeSlot(HexIds.allocationId(m.getAllocationId())).thenApply(v -> ack()));
        server.registerHandler(CancelTask.class, main::execute, this::cancelTask);
        server.registerHandler(SubmitTask.class, main::execute, this::submitTask);
        server.registerHandler(TriggerCheckpoint.class, main::execute, this::triggerCheckpoint);
    }

    private CompletableFuture<Acknowledge> triggerCheckpoint(TriggerCheckpoint m) {
        CheckpointOptions options = new CheckpointOptions(CheckpointType.valueOf(m.getType()),
                AlignmentType.valueOf(m.getAlignment()), m.getAlignedTimeoutMillis(), m.getTargetLocation());
        return taskExecutor.triggerCheckpoint(HexIds.attemptId(m.getAttemptId()), m.getCheckpointId(),
                m.getTimestamp(), options).thenApply(v -> ack());
    }

    /**
     * Takes a deployment at once and starts the task once the job's code is loaded (fetching the jar and running
     * the program may take a while): a failure to load is reported as the task's FAILED state, and a cancellation
     * arriving meanwhile ends the attempt as CANCELED without starting it.
     */
    private CompletableFuture<Acknowledge> submitTask(SubmitTask message) {
        JobID jobId = HexIds.jobId(message.getJobId());
        ExecutionAttemptID attempt = HexIds.attemptId(message.getAttemptId());
        TaskStateReporter reporter = jobManager.reporterFor(jobId);
        loading.put(attempt, Boolean.FALSE);
        userCode.get(jobId, TaskDeploymentMessages.program(message))
                .thenApply(code -> TaskDeploymentMessages.fromMessage(message, code.graph(), code.loader()))
                .whenCompleteAsync((tdd, error) -> {
                    boolean cancelled = Boolean.TRUE.equals(loading.remove(attempt));
                    if (cancelled) {
                        reporter.updateTaskExecutionState(new TaskExecutionState(attempt, ExecutionState.CANCELED));
                    } else if (error != null) {
                        fail(reporter, attempt, error);
                    } else {
                        taskExecutor.submitTask(tdd, reporter).whenComplete((v, e) -> {
                            if (e != null) {
                                fail(reporter, attempt, e);
                            }
                        });
                    }
                }, main::execute);
        return CompletableFuture.completedFuture(ack());
    }

    private CompletableFuture<Acknowledge> cancelTask(CancelTask message) {
        ExecutionAttemptID attempt = HexIds.attemptId(message.getAttemptId());
        if (loading.containsKey(attempt)) {
            loading.put(attempt, Boolean.TRUE);
            return CompletableFuture.completedFuture(ack());
        }
        return taskExecutor.cancelTask(attempt).thenApply(v -> ack());
    }

    private static void fail(TaskStateReporter reporter, ExecutionAttemptID attempt, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.warn("Task attempt {} could not start: {}", attempt, cause.toString());
        reporter.updateTaskExecutionState(new TaskExecutionState(attempt, ExecutionState.FAILED, ErrorInfo.of(cause),
                Map.of()));
    }

    private static Acknowledge ack() {
        return new Acknowledge();
    }

    private void fetch(String key, Path target) throws IOException {
        jobManager.fetchBlob(key, target);
    }

    private void onConnected() {
        state = state.to(State.REGISTERING);
        if (registrationAttempt > 0) {
            // a new registration is a clean slate on both sides: the ResourceManager forgets what it knew of us
            taskExecutor.freeAllSlots("registering with the JobManager anew");
            loading.replaceAll((a, cancelled) -> Boolean.TRUE);
        }
        int dataPort = taskExecutor.dataAddress().getPort();
        int attempt = ++registrationAttempt;
        jobManager.register(taskExecutor.getResourceId(), advertisedHost, server.address().getPort(), dataPort,
                taskExecutor.numberOfSlots()).whenCompleteAsync((response, e) -> {
                    if (attempt != registrationAttempt || state != State.REGISTERING) {
                        return;
                    }
                    if (e != null || !response.getAccepted()) {
                        String why = e != null ? e.getMessage() : response.getReason();
                        LOG.warn("Registration with the JobManager at {} failed: {}; retrying in {} ms",
                                jobManagerAddress, why, heartbeatInterval.toMillis());
                        main.schedule(this::retryRegistration, heartbeatInterval);
                        return;
                    }
                    onRegistered(response);
                }, main::execute);
    }

    private void retryRegistration() {
        if (state == State.REGISTERING) {
            state = State.DISCONNECTED;
            onConnected();
        }
    }

    private void onRegistered(RegistrationResponse response) {
        if (response.getHeartbeatIntervalMs() <= 0 || response.getHeartbeatTimeoutMs() <= response
                .getHeartbeatIntervalMs()) {
            LOG.warn("The JobManager at {} sent unusable heartbeat settings ({} ms every {} ms); keeping {} ms every"
                    + " {} ms", jobManagerAddress, response.getHeartbeatTimeoutMs(), response.getHeartbeatIntervalMs(),
                    heartbeatTimeout.toMillis(), heartbeatInterval.toMillis());
            response.setHeartbeatIntervalMs(heartbeatInterval.toMillis());
            response.setHeartbeatTimeoutMs(heartbeatTimeout.toMillis());
        }
        state = state.to(State.REGISTERED);
        heartbeatInterval = Duration.ofMillis(response.getHeartbeatIntervalMs());
        heartbeatTimeout = Duration.ofMillis(response.getHeartbeatTimeoutMs());
        registeredSinceNanos = System.nanoTime();
        lastHeartbeatAckNanos = registeredSinceNanos;
        if (registrationDeadline != null) {
            registrationDeadline.cancel(false);
        }
        LOG.info("Registered with the JobManager at {}", jobManagerAddress);
        scheduleHeartbeat();
    }

    private void scheduleHeartbeat() {
        heartbeats = main.schedule(this::heartbeat, heartbeatInterval);
    }

    private void heartbeat() {
        if (state != State.REGISTERED) {
            return;
        }
        long silentNanos = System.nanoTime() - lastHeartbeatAckNanos;
        if (silentNanos > heartbeatTimeout.toNanos()) {
            jobManagerLost("no heartbeat answer for " + silentNanos / 1_000_000 + " ms");
            if (jobManager.connection().state() == io.weft.runtime.rpc.ConnectionState.CONNECTED) {
                onConnected();
            }
            return;
        }
        long since = registeredSinceNanos;
        taskExecutor.allocatedSlots()
                .thenCompose(n -> jobManager.heartbeat(taskExecutor.getResourceId(), n, heartbeatTimeout))
                .whenCompleteAsync((response, e) -> onHeartbeatAnswer(since, response, e), main::execute);
        scheduleHeartbeat();
    }

    private void onHeartbeatAnswer(long since, HeartbeatResponse response, Throwable e) {
        if (state != State.REGISTERED || since != registeredSinceNanos) {
            return;
        }
        if (e != null) {
            LOG.debug("Heartbeat to the JobManager failed: {}", e.toString());
            return;
        }
        if (!response.getKnown()) {
            jobManagerLost("the JobManager no longer knows this TaskManager");
            onConnected();
            return;
        }
        lastHeartbeatAckNanos = System.nanoTime();
    }

    private void jobManagerLost(String cause) {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        if (state == State.REGISTERED) {
            LOG.warn("JobManager at {} lost ({}): giving up every slot", jobManagerAddress,
                    cause);
            taskExecutor.freeAllSlots("the JobManager was lost: " + cause);
            armRegistrationDeadline();
        }
        state = State.DISCONNECTED;
    }

    private void armRegistrationDeadline() {
        if (registrationDeadline != null) {
            registrationDeadline.cancel(false);
        }
        registrationDeadline = main.schedule(() -> {
            if (state != State.REGISTERED) {
                fatalErrorHandler.accept(new FatalException("TaskManager " + taskExecutor.getResourceId()
                        + " could not register with the JobManager at " + jobManagerAddress
                        + " within " + registrationTimeout.toSeconds() + " s (taskmanager.registration.timeout):"
                        + " is the JobManager running, and do jobmanager.rpc.address/port and the cluster secret"
                        + " match?"));
            }
        }, registrationTimeout);
    }

    /** Stops registering, cancels every task and stops the TaskManager's threads. */
    @Override
    public void close() {
        client.close();
        server.close();
        taskExecutor.close();
        userCode.close();
        main.close();
    }

    public static void main(String[] args) {
        ProcessShutdown.install("TaskManager", MemoryOptions.TASK_MANAGER_PROCESS_SIZE.key());
        Configuration config;
        ClusterSecret secret;
        try {
            config = EntrypointArguments.load(args, System.getenv());
            secret = ClusterSecrets.forTaskManager(config, System.getenv());
        } catch (FatalException e) {
            System.err.println("TaskManager not started: " + e.getMessage());
            System.exit(2);
            return;
        }
        TaskManagerRunner runner;
        try {
            runner = new TaskManagerRunner(config, secret, TaskManagerRunner::onFatalError);
        } catch (RuntimeException e) {
            LOG.error("TaskManager failed to start", e);
            System.err.println("TaskManager not started: " + e.getMessage());
            System.exit(2);
            return;
        }
        ProcessShutdown.runUntilStopped(runner, "TaskManager");
    }

    /** Ends the process: a rejected secret with its own exit code and one line saying what to do. */
    private static void onFatalError(Throwable error) {
        if (error instanceof ClusterSecretRejectedException) {
            ProcessShutdown.exit(error.getMessage(), SECRET_REJECTED_EXIT_CODE);
        }
        ProcessShutdown.fatal(error);
    }

    /** Where the TaskManager stands with its JobManager. */
    private enum State {
        DISCONNECTED, REGISTERING, REGISTERED,
        /** The JobManager rejected the cluster secret: terminal, the TaskManager ends. */
        REJECTED;

        State to(State next) {
            boolean legal = switch (this) {
                case DISCONNECTED -> next == REGISTERING || next == REJECTED;
                case REGISTERING -> next == REGISTERED || next == DISCONNECTED || next == REJECTED;
                case REGISTERED -> next == DISCONNECTED;
                case REJECTED -> false;
            };
            if (!legal) {
                throw new IllegalStateException("Illegal TaskManager registration transition " + this + " -> " + next);
            }
            return next;
        }
    }
}
