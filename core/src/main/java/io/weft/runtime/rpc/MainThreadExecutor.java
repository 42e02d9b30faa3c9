package io.weft.runtime.rpc;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
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

    /** Runs {@code task} on the main thread. */
    public void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(() -> guarded(task));
        }
    }

    /** Runs {@code task} on the main thread; the future completes there with its result or failure. */
    public <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (executor.isShutdown()) {
            f.completeExceptionally(new IllegalStateException(name + " is shut down"));
            return f;
        }
        executor.execute(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /** Runs {@code task} on the main thread after {@code delay}. */
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(() -> guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
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
            LOG.error("Unexpected error on {}", name, t);
            fatalErrorHandler.accept(t);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
