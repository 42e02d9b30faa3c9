package io.weft.runtime.entrypoint;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a Weft process ends: on SIGTERM (or System.exit) a shutdown hook closes its components, within
 * {@link ShutdownDeadline#BOUND}; after a fatal error in any component the process halts at once with exit code
 * {@value #FATAL_EXIT_CODE}, since its state can no longer be trusted — or {@value OutOfMemoryExit#EXIT_CODE} when
 * it ran out of memory ({@link OutOfMemoryExit}). Stateless.
 */
public final class ProcessShutdown {
    /** Exit code of a process halted by a fatal error. */
    public static final int FATAL_EXIT_CODE = 70;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessShutdown.class);

    private ProcessShutdown() {
    }

    /**
     * Sets up the ends of a process at its entrypoint: its halt on OutOfMemoryError, the bound of its shutdown, and
     * the guard that keeps the programs it runs from ending it with {@code System.exit} ({@link SystemExitGuard}).
     *
     * @param process what the last lines call the process ("TaskManager", "JobManager", "CLI", …)
     * @param memoryHint how to give it more memory, for the line of an OutOfMemoryError
     */
    public static void install(String process, String memoryHint) {
        OutOfMemoryExit.install(process, memoryHint);
        ShutdownDeadline.install(process);
        SystemExitGuard.install();
    }

    /** Logs a fatal error of a component and halts the process. */
    public static void fatal(Throwable error) {
        OutOfMemoryExit.haltIfOutOfMemory(error);
        LOG.error("Fatal error: the process stops", error);
        System.err.println("Fatal error, the process stops: " + error);
        SystemExitGuard.allowExits();
        Runtime.getRuntime().halt(FATAL_EXIT_CODE);
    }

    /**
     * Halts the process at once with {@code exitCode}, logging {@code lastLine} and printing it as the last line on
     * stderr: for an error whose one line says all, and that its own exit code tells from other fatal errors.
     */
    public static void exit(String lastLine, int exitCode) {
        LOG.error("{}", lastLine);
        System.err.println(lastLine);
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
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
