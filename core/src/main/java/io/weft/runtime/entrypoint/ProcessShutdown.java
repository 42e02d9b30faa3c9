package io.weft.runtime.entrypoint;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a JobManager or TaskManager process ends: on SIGTERM (or System.exit) a shutdown hook closes its components;
 * after a fatal error in any component the process halts at once with exit code {@value #FATAL_EXIT_CODE}, since
 * its state can no longer be trusted. Stateless.
 */
public final class ProcessShutdown {
    /** Exit code of a process halted by a fatal error. */
    public static final int FATAL_EXIT_CODE = 70;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessShutdown.class);

    private ProcessShutdown() {
    }

    /** Logs a fatal error of a component and halts the process. */
    public static void fatal(Throwable error) {
        LOG.error("Fatal error: the process stops", error);
        System.err.println("Fatal error, the process stops: " + error);
        Runtime.getRuntime().halt(FATAL_EXIT_CODE);
    }

    /**
     * Blocks the calling (main) thread until the process is stopped; a shutdown hook closes {@code process}
     * first.
     */
    public static void runUntilStopped(AutoCloseable process, String name) {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("{} stopping", name);
            try {
                process.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly", name, e);
            } finally {
                closed.countDown();
            }
            LOG.info("{} stopped", name);
        }, "shutdown-" + name));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
