package io.weft.runtime.tasks;

import io.weft.streaming.ProcessingTimeService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The task's wall clock: timers are scheduled on the TaskManager's shared timer thread, which only posts a mail;
 * the callback runs on the task thread.
 *
 * <p>Registration from the task thread; firing from the timer thread through the mailbox.
 */
final class TaskProcessingTimeService implements ProcessingTimeService {
    private final ScheduledExecutorService timerThread;
    private final TaskMailbox mailbox;
    private final List<ScheduledFuture<?>> pending = new ArrayList<>();

    TaskProcessingTimeService(ScheduledExecutorService timerThread, TaskMailbox mailbox) {
        this.timerThread = timerThread;
        this.mailbox = mailbox;
    }

    @Override
    public long currentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public void registerTimer(long timestamp, ProcessingTimeCallback callback) {
        long delay = Math.max(0, timestamp - currentProcessingTime());
        pending.removeIf(ScheduledFuture::isDone);
        pending.add(timerThread.schedule(() -> mailbox.put(() -> callback.onProcessingTime(timestamp)), delay,
                TimeUnit.MILLISECONDS));
    }

    /** Cancels every pending timer (the task ends). */
    void shutdown() {
        for (ScheduledFuture<?> f : pending) {
            f.cancel(false);
        }
        pending.clear();
    }
}
