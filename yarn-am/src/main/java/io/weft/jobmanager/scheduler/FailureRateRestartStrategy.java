package io.weft.jobmanager.scheduler;

import io.weft.config.TimeUtils;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Restarts as long as no more than {@code maxFailures} failures happened within the sliding {@code interval}.
 * JobMaster main thread only.
 */
public final class FailureRateRestartStrategy implements RestartStrategy {
    private final int maxFailures;
    private final Duration interval;
    private final Duration delay;
    private final ArrayDeque<Long> failures = new ArrayDeque<>();

    public FailureRateRestartStrategy(int maxFailures, Duration interval, Duration delay) {
        this.maxFailures = maxFailures;
        this.interval = interval;
        this.delay = delay;
    }

    @Override
    public void onFailure(long nowMillis) {
        failures.add(nowMillis);
        while (!failures.isEmpty() && failures.peekFirst() <= nowMillis - interval.toMillis()) {
            failures.pollFirst();
        }
    }

    @Override
    public boolean canRestart() {
        return failures.size() <= maxFailures;
    }

    @Override
    public Duration getBackoff() {
        return delay;
    }

    @Override
    public String describe() {
        return "failure-rate: at most " + maxFailures + " failures per " + TimeUtils.formatDuration(interval);
    }
}
