package io.weft.jobmanager.yarn;

import io.weft.api.JobStatus;
import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import io.weft.config.MemoryOptions;
import io.weft.config.RestOptions;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.JobResult;
import io.weft.jobmanager.blob.BlobStore;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.program.PlanCaptureJarRunner;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.jobmanager.rest.RestEndpoint;
import io.weft.jobmanager.rpc.JobManagerRpcEndpoint;
import io.weft.runtime.entrypoint.EntrypointArguments;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.entrypoint.ProcessShutdown;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.netty.NettyRpcSystem;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The YARN ApplicationMaster: hosts a JobManager (ResourceManager with a {@link YarnResourceDriver}, Dispatcher,
 * blob store, RPC and REST endpoints) in the AM container, registers with YARN with the REST endpoint as tracking
 * URL, and — per-job and application mode — runs the shipped program and ends the application with its job:
 * SUCCEEDED when it finished, FAILED (with the cause as diagnostics) when it or the program failed, KILLED when it
 * was canceled. A session runs until {@code DELETE /cluster} or {@code yarn application -kill}. At the end the
 * staging directory is deleted.
 *
 * <h2>Threading</h2>
 * {@link #main} starts everything and then waits for the outcome; the components run on their own threads. A
 * SIGTERM (YARN killing the application) closes the components through a shutdown hook, without unregistering; on
 * the last attempt the hook deletes the staging directory first (best effort: YARN sends SIGKILL soon after).
 */
public final class YarnApplicationMaster {
    private static final Logger LOG = LoggerFactory.getLogger(YarnApplicationMaster.class);

    private final Configuration config;
    private final YarnLaunchSpec spec;
    private final String host;
    private final ClusterSecret secret;
    private final Deque<AutoCloseable> components = new ArrayDeque<>();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private YarnResourceDriver driver;
    private String trackingUrl;
    private volatile boolean finished;

    private static final String PROGRAM_FAILED = "The program failed: ";

    /** How the application ends: YARN's final status and the diagnostics shown with it. */
    record Outcome(FinalApplicationStatus status, String diagnostics) {
    }

    /** @param secret the cluster secret the client handed over in the container's credentials */
    YarnApplicationMaster(Configuration config, YarnLaunchSpec spec, String host, ClusterSecret secret) {
        this.config = forYarn(config, host);
        this.spec = spec;
        this.host = host;
        this.secret = secret;
    }

    /**
     * The configuration inside the AM container: the JobManager is reached at the NodeManager's host, listens
     * there on free ports unless the configuration names some, and keeps its files in the container's directory.
     */
    static Configuration forYarn(Configuration shipped, String host) {
        Configuration c = new Configuration(shipped);
        c.set(ClusterOptions.JOB_MANAGER_RPC_ADDRESS, host);
        c.set(RestOptions.ADDRESS, host);
        if (!shipped.contains(ClusterOptions.JOB_MANAGER_BIND_HOST)) {
            c.set(ClusterOptions.JOB_MANAGER_BIND_HOST, host);
        }
        if (!shipped.contains(RestOptions.BIND_ADDRESS)) {
            c.set(RestOptions.BIND_ADDRESS, host);
        }
        if (!shipped.contains(ClusterOptions.JOB_MANAGER_RPC_PORT)) {
            c.set(ClusterOptions.JOB_MANAGER_RPC_PORT, 0);
        }
        if (!shipped.contains(RestOptions.PORT)) {
            c.set(RestOptions.PORT, 0);
        }
        if (!shipped.contains(ClusterOptions.BLOB_STORAGE_DIRECTORY)) {
            c.set(ClusterOptions.BLOB_STORAGE_DIRECTORY, Path.of("blobs").toAbsolutePath().toString());
        }
        return c;
    }

    /** Starts the JobManager, registers with YARN and runs the program, if any; then waits for the outcome. */
    Outcome run() throws Exception {
        boolean session = spec.mode() == YarnLaunchSpec.Mode.SESSION;
        driver = new YarnResourceDriver(config, spec, secret.toBase64(), session, ProcessShutdown::fatal);
        driver.startClientsInBackground();
        ResourceManager rm = add(new ResourceManager(driver, ProcessShutdown::fatal));
        Dispatcher dispatcher = add(new Dispatcher(rm, ProcessShutdown::fatal));
        BlobStore blobs = add(BlobStore.create(config));
        JobManagerRpcEndpoint rpc = add(new JobManagerRpcEndpoint(new NettyRpcSystem(config, secret), config, rm,
                dispatcher, blobs, ProcessShutdown::fatal));
        PlanCaptureJarRunner runner = add(new PlanCaptureJarRunner(dispatcher, config, blobs));
        RestEndpoint rest = add(RestEndpoint.start(config, secret, dispatcher, rm, runner, session
                ? () -> outcome.complete(new Outcome(FinalApplicationStatus.SUCCEEDED,
                        "Session stopped through DELETE /cluster"))
                : null));
        trackingUrl = "http://" + host + ":" + rest.port() + "/";
        Resource max = driver.register(host, rest.port(), trackingUrl, host, rpc.address().getPort());
        LOG.info("Weft {} cluster running: REST {}, RPC {}", spec.mode().cliName(), rest.restAddress(),
                rpc.address());
        Resource needed = driver.containerResource();
        if (needed.getMemorySize() > max.getMemorySize()) {
            return new Outcome(FinalApplicationStatus.FAILED, "A TaskManager container needs "
                    + needed.getMemorySize() + " MB (taskmanager.memory.process.size) but YARN grants at most "
                    + max.getMemorySize() + " MB (yarn.scheduler.maximum-allocation-mb): lower"
                    + " taskmanager.memory.process.size");
        }
        if (needed.getVirtualCores() > max.getVirtualCores()) {
            return new Outcome(FinalApplicationStatus.FAILED, "A TaskManager container needs "
                    + needed.getVirtualCores() + " virtual cores (yarn.containers.vcores, or the slots) but YARN"
                    + " grants at most " + max.getVirtualCores() + " (yarn.scheduler.maximum-allocation-vcores):"
                    + " set yarn.containers.vcores or fewer slots");
        }
        if (!session) {
            YarnLaunchSpec.Program p = spec.program();
            // the client's -D are in this application's own configuration already: no job settings on top
            runner.run(Path.of(p.jar()).toAbsolutePath(), p.entryClass(), p.args(), p.parallelism(), Map.of())
                    .thenCompose(dispatcher::requestJobResult)
                    .whenComplete((result, failure) -> outcome.complete(failure != null
                            ? programFailed(failure) : outcomeOf(result)));
        }
        return outcome.get();
    }

    static Outcome outcomeOf(JobResult result) {
        String job = "Job " + result.jobId() + " " + result.status();
        if (result.status() == JobStatus.FINISHED) {
            return new Outcome(FinalApplicationStatus.SUCCEEDED, job);
        }
        if (result.status() == JobStatus.FAILED) {
            String cause = result.failure() == null ? "unknown cause" : result.failure().message();
            return new Outcome(FinalApplicationStatus.FAILED, job + ": " + ContainerExits.oneLine(cause));
        }
        return new Outcome(FinalApplicationStatus.KILLED, job);
    }

    /** The outcome of a program that failed before its job ran, said once as "The program failed: …". */
    private static Outcome programFailed(Throwable failure) {
        String message = ContainerExits.oneLine(rootMessage(failure));
        return new Outcome(FinalApplicationStatus.FAILED, message.startsWith(PROGRAM_FAILED) ? message
                : PROGRAM_FAILED + message);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }

    /** Deletes the staging directory, unregisters with {@code end} and closes everything. */
    void finish(Outcome end) {
        finished = true;
        // the staging directory goes first, so that whoever sees the application end finds nothing left
        deleteStagingDirectory();
        try {
            driver.unregister(end.status(), end.diagnostics(), trackingUrl);
        } catch (Exception e) {
            LOG.warn("Unregistering from YARN failed", e);
        }
        close();
    }

    void deleteStagingDirectory() {
        try {
            URI dir = URI.create(spec.stagingDir());
            FileSystem fs = FileSystem.get(dir, new YarnConfiguration());
            if (fs.delete(new org.apache.hadoop.fs.Path(dir), true)) {
                LOG.info("Deleted the staging directory {}", dir);
            }
        } catch (Exception e) {
            LOG.warn("Cannot delete the staging directory {}: delete it by hand", spec.stagingDir(), e);
        }
    }

    private <T extends AutoCloseable> T add(T component) {
        components.push(component);
        return component;
    }

    /** Closes every component in reverse order of start; once. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        while (!components.isEmpty()) {
            AutoCloseable c = components.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", c.getClass().getSimpleName(), e);
            }
        }
    }

    /** Whether this is the application's last attempt ({@code yarn.application-attempts}): no one follows it. */
    static boolean isLastAttempt(Map<String, String> env, Configuration config) {
        String container = env.get(Environment.CONTAINER_ID.name());
        if (container == null) {
            return false;
        }
        int attempt = ContainerId.fromString(container).getApplicationAttemptId().getAttemptId();
        return attempt >= config.get(YarnOptions.APPLICATION_ATTEMPTS);
    }

    public static void main(String[] args) {
        ProcessShutdown.install("ApplicationMaster", MemoryOptions.JOB_MANAGER_PROCESS_SIZE.key());
        Map<String, String> env = System.getenv();
        YarnApplicationMaster am;
        try {
            Configuration config = EntrypointArguments.load(args, env);
            YarnLaunchSpec spec = YarnLaunchSpec.read(Path.of(YarnLaunchSpec.FILE_NAME));
            String host = env.get(Environment.NM_HOST.name());
            if (host == null || host.isBlank()) {
                throw new IllegalStateException("NM_HOST is not set: the ApplicationMaster runs only in a YARN"
                        + " container started by the Weft client");
            }
            am = new YarnApplicationMaster(config, spec, host,
                    ClusterSecretCredentials.fromContainer(env, new YarnConfiguration()));
        } catch (RuntimeException e) {
            LOG.error("ApplicationMaster not started", e);
            System.err.println("ApplicationMaster not started: " + e.getMessage());
            System.exit(2);
            return;
        }
        boolean lastAttempt = isLastAttempt(env, am.config);
        // ahead of Hadoop's hook that closes the file systems: a killed last attempt deletes the staging directory
        ShutdownHookManager.get().addShutdownHook(() -> {
            if (lastAttempt && !am.finished) {
                am.deleteStagingDirectory();
            }
            am.close();
        }, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
        Outcome end;
        try {
            end = am.run();
        } catch (Exception e) {
            OutOfMemoryExit.haltIfOutOfMemory(e);
            LOG.error("ApplicationMaster failed", e);
            System.err.println("ApplicationMaster failed: " + e);
            am.close();
            System.exit(ProcessShutdown.FATAL_EXIT_CODE);
            return;
        }
        LOG.info("Application ends {}: {}", end.status(), end.diagnostics());
        am.finish(end);
        System.exit(0);
    }
}
