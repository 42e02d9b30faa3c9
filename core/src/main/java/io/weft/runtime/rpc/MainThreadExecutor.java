package io.weft.runtime.rpc;

import io.weft.runtime.entrypoint.OutOfMemoryExit;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread on which an endpoint (JobMaster, ResourceManager, Dispatcher, TaskExecutor) keeps its
 * state: every call from another thread — an RPC, a callback, a timer — is posted here.
 *
 * <p>An exception escaping a posted task is a bug in the endpoint: it is logged and handed to the fatal-error
 * handler, never swallowed. Thread-safe to post from any thread.
 */
public final class MainThreadExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MainThreadExecutor.class);
    private final String name;
    private final ScheduledExecutorService executor;
    private final Consumer<Throwable> fatalErrorHandler;
    private final Set<CompletableFuture<?>> pendingCalls = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;

    public MainThreadExecutor(String name, Consumer<Throwable> fatalErrorHandler) {
        this.name = name;
        this.fatalErrorHandler = fatalErrorHandler;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Runs {@code task} on the main thread; dropped once the executor is closed. */
    public void execute(Runnable task) {
        try {
            executor.execute(() -> guarded(task));
        } catch (RejectedExecutionException closed) {
            LOG.debug("{} is shut down: a task was dropped", name);
        }
    }

    /**
     * Runs {@code task} on the main thread; the future completes there with its result or failure — or fails with
     * an {@link IllegalStateException} when the executor is closed before the task ran.
     */
    public <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        pendingCalls.add(f);
        f.whenComplete((v, e) -> pendingCalls.remove(f));
        try {
            executor.execute(() -> {
                try {
                    f.complete(task.call());
                } catch (Throwable t) {
                    OutOfMemoryExit.haltIfOutOfMemory(t);
                    f.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException closed) {
            f.completeExceptionally(new IllegalStateException(name + " is shut down"));
        }
        return f;
    }

    /** Runs {@code task} on the main thread after {@code delay}. */
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        try {
            return executor.schedule(() -> guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return NeverRuns.INSTANCE;
        }
    }

    /** Whether the caller is the main thread. */
    public boolean isMainThread() {
        return Thread.currentThread() == thread;
    }

    /** Fails loudly when called from any other thread (state is only touched by the main thread). */
    public void assertMainThread() {
        if (!isMainThread()) {
            throw new IllegalStateException(name + " state touched from thread " + Thread.currentThread().getName());
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            OutOfMemoryExit.haltIfOutOfMemory(t);
            LOG.error("Unexpected error on {}", name, t);
            fatalErrorHandler.accept(t);
        }
    }

    /** Stops the thread; calls that had not run yet fail, so that nobody waits for them forever. */
    @Override
    public void close() {
        executor.shutdownNow();
        for (CompletableFuture<?> f : pendingCalls) {
            f.completeExceptionally(new IllegalStateException(name + " was shut down before it answered"));
        }
    }

    /** The future of a task scheduled after close: cancelled from the start, it never runs. */
    private static final class NeverRuns implements ScheduledFuture<Object> {
        static final NeverRuns INSTANCE = new NeverRuns();

        private NeverRuns() {
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            throw new CancellationException("scheduled after its executor was shut down");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return get();
        }
    }
}
