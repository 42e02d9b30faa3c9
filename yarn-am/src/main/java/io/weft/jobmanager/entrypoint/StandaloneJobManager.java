package io.weft.jobmanager.entrypoint;

import io.weft.api.FatalException;
import io.weft.config.Configuration;
import io.weft.config.MemoryOptions;
import io.weft.jobmanager.blob.BlobStore;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.program.PlanCaptureJarRunner;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.jobmanager.resourcemanager.StandaloneResourceDriver;
import io.weft.jobmanager.rest.RestEndpoint;
import io.weft.jobmanager.rpc.JobManagerRpcEndpoint;
import io.weft.runtime.entrypoint.EntrypointArguments;
import io.weft.runtime.entrypoint.ProcessShutdown;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ClusterSecrets;
import io.weft.runtime.rpc.netty.NettyRpcSystem;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager of a standalone cluster as a process of its own ({@code jobmanager.sh}): ResourceManager with
 * TaskManagers that register by themselves, Dispatcher, blob store, the RPC endpoint for TaskManagers and the REST
 * endpoint for clients. Runs until the process is told to stop (SIGTERM), then closes everything in reverse order.
 *
 * <p>Exit codes: 2 for a configuration error (one line on stderr), 70 after a fatal error in a component.
 */
public final class StandaloneJobManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneJobManager.class);
    private final Deque<AutoCloseable> components = new ArrayDeque<>();
    private final RestEndpoint rest;
    private final JobManagerRpcEndpoint rpc;

    /** Starts every component; on failure closes what started and rethrows. */
    public StandaloneJobManager(Configuration config, ClusterSecret secret) {
        try {
            ResourceManager rm = add(new ResourceManager(new StandaloneResourceDriver(), ProcessShutdown::fatal));
            Dispatcher dispatcher = add(new Dispatcher(rm, ProcessShutdown::fatal));
            BlobStore blobs = add(BlobStore.create(config));
            rpc = add(new JobManagerRpcEndpoint(new NettyRpcSystem(config, secret), config, rm, dispatcher, blobs,
                    ProcessShutdown::fatal));
            PlanCaptureJarRunner runner = add(new PlanCaptureJarRunner(dispatcher, config, blobs));
            rest = add(RestEndpoint.start(config, secret, dispatcher, rm, runner));
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T add(T component) {
        components.push(component);
        return component;
    }

    public RestEndpoint rest() {
        return rest;
    }

    public JobManagerRpcEndpoint rpc() {
        return rpc;
    }

    @Override
    public void close() {
        while (!components.isEmpty()) {
            AutoCloseable c = components.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", c.getClass().getSimpleName(), e);
            }
        }
    }

    public static void main(String[] args) {
        ProcessShutdown.install("JobManager", MemoryOptions.JOB_MANAGER_PROCESS_SIZE.key());
        Configuration config;
        ClusterSecret secret;
        try {
            config = EntrypointArguments.load(args, System.getenv());
            secret = ClusterSecrets.forJobManager(config, System.getenv());
        } catch (FatalException e) {
            System.err.println("JobManager not started: " + e.getMessage());
            System.exit(2);
            return;
        }
        StandaloneJobManager jm;
        try {
            jm = new StandaloneJobManager(config, secret);
        } catch (RuntimeException e) {
            LOG.error("JobManager failed to start", e);
            System.err.println("JobManager not started: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("JobManager running: REST {}, RPC {}", jm.rest().restAddress(), jm.rpc().address());
        ProcessShutdown.runUntilStopped(jm, "JobManager");
    }
}
