package io.weft.client.yarn;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves nothing behind when a deployment does not complete: once armed, it kills the submitted application and
 * deletes the staging directory, either when the deploying thread calls {@link #abandon()} after an error or from a
 * JVM shutdown hook when the client dies mid-deploy (Ctrl-C, SIGTERM). {@link #disarm()} ends its watch once the
 * application runs. Thread-safe: the deploying thread and the shutdown hook synchronize on it, and the cleanup runs
 * at most once.
 */
public final class DeploymentGuard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentGuard.class);

    /**
     * The cleanup runs as one of Hadoop's shutdown hooks, ahead of the one that closes the cached file systems
     * (which the staging directory's deletion needs).
     */
    private static final int HOOK_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 10;

    private final YarnClient yarn;
    private final Runnable hook = this::abandon;
    private StagingDirectory staging;
    private ApplicationId application;
    private boolean done;

    /** Starts watching: registers the shutdown hook. */
    public DeploymentGuard(YarnClient yarn) {
        this.yarn = yarn;
        ShutdownHookManager.get().addShutdownHook(hook, HOOK_PRIORITY);
    }

    /** The staging directory to delete when the deployment is abandoned. */
    public synchronized void staging(StagingDirectory dir) {
        this.staging = dir;
    }

    /** The application to kill when the deployment is abandoned. */
    public synchronized void submitted(ApplicationId id) {
        this.application = id;
    }

    /** Kills the application and deletes the staging directory, once. */
    public synchronized void abandon() {
        if (done) {
            return;
        }
        done = true;
        if (application != null) {
            try {
                yarn.killApplication(application);
                LOG.info("Killed application {}, whose deployment did not complete", application);
            } catch (Exception e) {
                LOG.warn("Cannot kill application {}: kill it with 'yarn application -kill {}'", application,
                        application, e);
            }
        }
        if (staging != null) {
            staging.delete();
        }
    }

    /** The deployment completed: the application and its files stay. */
    public synchronized void disarm() {
        done = true;
    }

    /** Removes the shutdown hook; abandons the deployment unless it was disarmed. */
    @Override
    public void close() {
        abandon();
        if (!ShutdownHookManager.get().isShutdownInProgress()) {
            ShutdownHookManager.get().removeShutdownHook(hook);
        }
    }
}
