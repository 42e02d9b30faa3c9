package io.weft.runtime.entrypoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounds how long a Weft process takes to stop once its JVM shuts down (SIGTERM, Ctrl-C, {@code System.exit}):
 * when the shutdown hooks have not ended the JVM {@link #BOUND} after the shutdown began — a component that
 * blocks while closing, a heap so full that the hooks crawl — a watchdog writes one line to stderr and halts the
 * process with exit code {@value #EXIT_CODE}, that of a process ended by SIGTERM. It stays below the grace that
 * {@code weft-daemon.sh stop} gives before SIGKILL ({@code WEFT_STOP_TIMEOUT}, 10 s by default).
 *
 * <p>Installed once per process by its entrypoint; later calls do nothing. Thread-safe. The watchdog thread, its
 * shutdown hook and its line are allocated at install, so they work under memory pressure.
 */
public final class ShutdownDeadline {
    /** How long the shutdown hooks may run. */
    public static final Duration BOUND = Duration.ofSeconds(8);
    /** Exit code of a process halted because its shutdown took longer than {@link #BOUND}. */
    public static final int EXIT_CODE = 143;
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private ShutdownDeadline() {
    }

    /**
     * Starts the watchdog of this process.
     *
     * @param process what the line calls the process ("TaskManager", "JobManager", "CLI", …)
     */
    public static void install(String process) {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        byte[] line = ("Weft " + process + " did not stop within " + BOUND.toSeconds() + " s of being told to;"
                + " halting it (exit code " + EXIT_CODE + ")\n").getBytes(StandardCharsets.UTF_8);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            while (!shuttingDown.get()) {
                LockSupport.park();
            }
            long deadline = System.nanoTime() + BOUND.toNanos();
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            System.err.write(line, 0, line.length);
            System.err.flush();
            SystemExitGuard.allowExits();
            Runtime.getRuntime().halt(EXIT_CODE);
        }, "shutdown-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            LockSupport.unpark(watchdog);
        }, "shutdown-deadline-start"));
    }
}
