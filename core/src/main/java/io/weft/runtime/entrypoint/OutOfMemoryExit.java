package io.weft.runtime.entrypoint;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Weft process does when it runs out of memory: it writes one line saying so to its log and, last, to
 * stderr, and halts with exit code {@value #EXIT_CODE} — a JVM whose allocations fail can be trusted neither to go
 * on nor to shut down. Each entrypoint calls {@link #install} first; it becomes the default uncaught exception
 * handler, and code that catches throwables (task threads, main-thread executors, Netty handlers) hands them to
 * {@link #haltIfOutOfMemory} before anything else. Until installed nothing halts, so a JVM that merely embeds
 * Weft (a test, an IDE) keeps its own policy.
 *
 * <h2>Threading and memory</h2>
 * Thread-safe. What the halt needs — the line's bytes, a buffer to put the error's message in, a watchdog
 * thread — is allocated by {@link #install}, so the halt works with no heap left; so is a reserve of 1 MB
 * of heap, let go at the halt so that the logger can write its line. The first thread to report an
 * OutOfMemoryError halts the process; threads that report one after it wait for that halt. Should writing the log
 * block, the watchdog writes the stderr line and halts {@value #LOG_BOUND_MILLIS} ms after the report.
 */
public final class OutOfMemoryExit {
    /** Exit code of a process that ran out of memory. */
    public static final int EXIT_CODE = 52;
    private static final int MAX_CAUSES = 32;
    private static final String NETTY_POOL_LIMIT = "io.netty.util.internal.OutOfDirectMemoryError";
    private static final long LOG_BOUND_MILLIS = 2000;
    private static final AtomicReference<Halt> INSTALLED = new AtomicReference<>();

    private OutOfMemoryExit() {
    }

    /**
     * Makes this JVM halt on OutOfMemoryError, with a line naming the process and the setting that gives it more
     * memory; the first call wins.
     *
     * @param process what the line calls the process ("TaskManager", "JobManager", "CLI", …)
     * @param memoryHint how to give it more memory: a config key, or the JVM option and the variable that set it
     */
    public static void install(String process, String memoryHint) {
        Halt halt = new Halt(process, memoryHint);
        if (INSTALLED.compareAndSet(null, halt)) {
            halt.watchdog.start();
            Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
            Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
                haltIfOutOfMemory(error);
                if (previous != null) {
                    previous.uncaughtException(thread, error);
                } else {
                    System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                    error.printStackTrace(System.err);
                }
            });
        }
    }

    /**
     * Whether {@code error} is an OutOfMemoryError of the JVM or has one among its causes. Netty's
     * {@code OutOfDirectMemoryError} does not count: it says that Netty's own pool reached its limit, while the JVM
     * is sound, and the connection that asked for the memory fails on its own.
     */
    public static boolean isOutOfMemory(Throwable error) {
        return outOfMemory(error) != null;
    }

    /**
     * Halts the process, after its last line, when {@code error} is or was caused by an OutOfMemoryError and
     * {@link #install} was called; returns otherwise.
     */
    public static void haltIfOutOfMemory(Throwable error) {
        Halt halt = INSTALLED.get();
        OutOfMemoryError outOfMemory = halt == null ? null : outOfMemory(error);
        if (outOfMemory != null) {
            halt.halt(outOfMemory);
        }
    }

    /** The JVM's OutOfMemoryError that is {@code error} or among its causes, or null. */
    private static OutOfMemoryError outOfMemory(Throwable error) {
        Throwable t = error;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom && !t.getClass().getName().equals(NETTY_POOL_LIMIT)) {
                return oom;
            }
        }
        return null;
    }

    /** The preallocated halt of one process; see the class comment. */
    private static final class Halt {
        private static final String HEAP_SPACE = "Java heap space";
        private static final int MAX_MESSAGE = 200;
        private static final int RESERVE_BYTES = 1 << 20;
        private static final Logger LOG = LoggerFactory.getLogger(OutOfMemoryExit.class);
        private final byte[] heapPrefix;
        private final byte[] otherPrefix;
        private final byte[] suffix;
        private final String heapSpaceLine;
        private final byte[] line;
        private volatile int lineLength;
        private final AtomicBoolean reported = new AtomicBoolean();
        private final AtomicBoolean written = new AtomicBoolean();
        private final Thread watchdog;
        /** Heap held back until the halt, so that the logger has some to write its line with. */
        private volatile byte[] reserve = new byte[RESERVE_BYTES];

        Halt(String process, String memoryHint) {
            heapPrefix = ("Weft " + process + " ran out of heap memory (OutOfMemoryError: ")
                    .getBytes(StandardCharsets.UTF_8);
            otherPrefix = ("Weft " + process + " ran out of memory (OutOfMemoryError: ")
                    .getBytes(StandardCharsets.UTF_8);
            suffix = ("); exiting with code " + EXIT_CODE + ". Give it more memory: " + memoryHint)
                    .getBytes(StandardCharsets.UTF_8);
            line = new byte[Math.max(heapPrefix.length, otherPrefix.length) + MAX_MESSAGE + suffix.length + 1];
            lineLength = compose(heapPrefix, HEAP_SPACE);
            heapSpaceLine = new String(line, 0, lineLength - 1, StandardCharsets.UTF_8);
            watchdog = new Thread(this::watch, "out-of-memory-exit");
            watchdog.setDaemon(true);
        }

        void halt(OutOfMemoryError error) {
            if (!reported.compareAndSet(false, true)) {
                while (true) {
                    LockSupport.park(this);
                }
            }
            String message = error.getMessage() == null ? "" : error.getMessage();
            lineLength = compose(isHeap(message) ? heapPrefix : otherPrefix, message);
            LockSupport.unpark(watchdog);
            reserve = null;
            try {
                LOG.error(message.equals(HEAP_SPACE) ? heapSpaceLine
                        : new String(line, 0, lineLength - 1, StandardCharsets.UTF_8));
            } catch (Throwable ignored) {
                // the stderr line still says it
            }
            writeLineOnce();
            SystemExitGuard.allowExits();
            Runtime.getRuntime().halt(EXIT_CODE);
        }

        private void watch() {
            while (!reported.get()) {
                LockSupport.park(this);
            }
            reserve = null;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOG_BOUND_MILLIS);
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
            }
            writeLineOnce();
            SystemExitGuard.allowExits();
            Runtime.getRuntime().halt(EXIT_CODE);
        }

        private void writeLineOnce() {
            if (written.compareAndSet(false, true)) {
                System.err.write(line, 0, lineLength);
                System.err.flush();
            }
        }

        private static boolean isHeap(String message) {
            return message.equals(HEAP_SPACE) || message.startsWith("GC overhead")
                    || message.startsWith("Requested array size");
        }

        /** Fills {@link #line} with prefix, message (ASCII, other characters as '?'), suffix and a newline. */
        private int compose(byte[] prefix, String message) {
            int n = 0;
            System.arraycopy(prefix, 0, line, n, prefix.length);
            n += prefix.length;
            for (int i = 0; i < message.length() && i < MAX_MESSAGE; i++) {
                char c = message.charAt(i);
                line[n++] = c >= ' ' && c < 127 ? (byte) c : (byte) '?';
            }
            System.arraycopy(suffix, 0, line, n, suffix.length);
            n += suffix.length;
            line[n++] = '\n';
            return n;
        }
    }
}
