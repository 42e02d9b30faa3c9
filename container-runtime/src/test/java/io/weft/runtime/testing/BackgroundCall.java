package io.weft.runtime.testing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one call on a daemon thread of its own, so that a test can watch it block and resume. Every wait is
 * bounded; nothing sleeps. Close it to interrupt and join the thread.
 */
public final class BackgroundCall<T> implements AutoCloseable {
    /** Long enough for any call that is not blocked; only reached when the code under test misbehaves. */
    public static final Duration BOUND = Duration.ofSeconds(5);

    private static final Set<Thread.State> PARKED = EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING,
            Thread.State.BLOCKED);

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread thread;

    private BackgroundCall(String name, Callable<T> call) {
        thread = new Thread(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts {@code call} on a new thread. */
    public static <T> BackgroundCall<T> start(String name, Callable<T> call) {
        BackgroundCall<T> c = new BackgroundCall<>(name, call);
        c.thread.start();
        return c;
    }

    public boolean isDone() {
        return result.isDone();
    }

    public Thread thread() {
        return thread;
    }

    /** The call's result, waiting at most {@link #BOUND}; its exception is rethrown as the cause. */
    public T await() throws Exception {
        try {
            return result.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("'" + thread.getName() + "' did not finish within " + BOUND + "; it is "
                    + thread.getState(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** The exception the call ended with, waiting at most {@link #BOUND}. */
    public Throwable awaitFailure() {
        try {
            T value = result.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("'" + thread.getName() + "' returned " + value + " instead of failing");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("'" + thread.getName() + "' did not finish within " + BOUND, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Asserts that the call is blocked: polls (at most {@link #BOUND}) until its thread is parked, then checks it
     * has not finished.
     */
    public void assertBlocked() {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!PARKED.contains(thread.getState())) {
            if (result.isDone()) {
                throw new AssertionError("'" + thread.getName() + "' finished instead of blocking: " + describe());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + thread.getName() + "' never blocked; it is " + thread.getState());
            }
            Thread.onSpinWait();
        }
        if (result.isDone()) {
            throw new AssertionError("'" + thread.getName() + "' finished instead of blocking: " + describe());
        }
    }

    /** Polls (at most {@link #BOUND}) until the call has either finished or blocked: it can make no more progress. */
    public void awaitDoneOrBlocked() {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!result.isDone() && !PARKED.contains(thread.getState())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + thread.getName() + "' neither finished nor blocked; it is "
                        + thread.getState());
            }
            Thread.onSpinWait();
        }
    }

    private String describe() {
        return result.handle((v, t) -> t == null ? "returned " + v : "threw " + t).join();
    }

    /** Interrupts the thread if it still runs and waits (bounded) for it to end. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(BOUND.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
