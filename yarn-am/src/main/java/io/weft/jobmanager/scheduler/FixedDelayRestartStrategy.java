package io.weft.jobmanager.scheduler;

import io.weft.config.TimeUtils;
import java.time.Duration;

/** Restarts up to a fixed number of times, with a fixed pause. JobMaster main thread only. */
public final class FixedDelayRestartStrategy implements RestartStrategy {
    private final int maxAttempts;
    private final Duration delay;
    private int failures;

    public FixedDelayRestartStrategy(int maxAttempts, Duration delay) {
        this.maxAttempts = maxAttempts;
        this.delay = delay;
    }

    @Override
    public void onFailure(long nowMillis) {
        failures++;
    }

    @Override
    public boolean canRestart() {
        return failures <= maxAttempts;
    }

    @Override
    public Duration getBackoff() {
        return delay;
    }

    @Override
    public String describe() {
        return "fixed-delay: " + maxAttempts + " attempts, " + TimeUtils.formatDuration(delay) + " apart";
    }
}
