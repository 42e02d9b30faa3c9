package io.weft.runtime.tasks;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mailbox of a task: actions that other threads (timers, the TaskManager) want run on the task thread, plus
 * the "input available" signal that wakes the task when it waits for data.
 *
 * <p>Life cycle: OPEN (mails accepted) → CLOSED (mails rejected, the task ends). {@link #put} and
 * {@link #signalInput} may be called from any thread; everything else from the task thread only. Operator code
 * never needs a lock: mails run between records.
 */
public final class TaskMailbox {
    /** An action to run on the task thread. */
    @FunctionalInterface
    public interface Mail {
        void run() throws Exception;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final ArrayDeque<Mail> mails = new ArrayDeque<>();
    private volatile boolean hasMail;
    private boolean inputSignal;
    private boolean closed;

    /** Queues a mail; returns false (dropping it) when the mailbox is closed. */
    public boolean put(Mail mail) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            mails.add(mail);
            hasMail = true;
            wake.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the task thread because input arrived. */
    public void signalInput() {
        lock.lock();
        try {
            inputSignal = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Cheap check for the hot loop. */
    public boolean hasMail() {
        return hasMail;
    }

    /** Runs every queued mail; a mail's exception propagates to the task. */
    public void runMails() throws Exception {
        while (true) {
            Mail m;
            lock.lock();
            try {
                m = mails.poll();
                hasMail = !mails.isEmpty();
            } finally {
                lock.unlock();
            }
            if (m == null) {
                return;
            }
            m.run();
        }
    }

    /** Blocks until a mail or an input signal arrives (consuming the signal). */
    public void awaitInputOrMail() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!inputSignal && mails.isEmpty()) {
                wake.await();
            }
            inputSignal = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * As {@link #awaitInputOrMail()}, but returns after {@code nanos} at the latest (consuming a signal that came).
     */
    public void awaitInputOrMail(long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long left = nanos;
            while (!inputSignal && mails.isEmpty() && left > 0) {
                left = wake.awaitNanos(left);
            }
            inputSignal = false;
        } finally {
            lock.unlock();
        }
    }

    /** Rejects further mails and drops queued ones. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            mails.clear();
            hasMail = false;
        } finally {
            lock.unlock();
        }
    }
}
