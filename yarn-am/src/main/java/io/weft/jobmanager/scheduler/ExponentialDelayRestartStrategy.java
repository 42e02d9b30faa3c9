package io.weft.jobmanager.scheduler;

import io.weft.config.TimeUtils;
import java.time.Duration;

/**
 * Restarts with a pause that grows by a factor after each failure up to a maximum; after a run of
 * {@code resetThreshold} without failure the pause and the attempt count start over. JobMaster main thread only.
 */
public final class ExponentialDelayRestartStrategy implements RestartStrategy {
    private final Duration initial;
    private final Duration max;
    private final double multiplier;
    private final Duration resetThreshold;
    private final int attemptsBeforeReset;
    private Duration current;
    private long lastFailure = -1;
    private int attempts;

    public ExponentialDelayRestartStrategy(Duration initial, Duration max, double multiplier, Duration resetThreshold,
            int attemptsBeforeReset) {
        if (multiplier < 1) {
            throw new IllegalArgumentException("restart-strategy.exponential-delay.backoff-multiplier must be at"
                    + " least 1, not " + multiplier);
        }
        this.initial = initial;
        this.max = max;
        this.multiplier = multiplier;
        this.resetThreshold = resetThreshold;
        this.attemptsBeforeReset = attemptsBeforeReset;
    }

    @Override
    public void onFailure(long nowMillis) {
        if (lastFailure < 0 || nowMillis - lastFailure >= resetThreshold.toMillis()) {
            current = initial;
            attempts = 1;
        } else {
            long next = (long) Math.min((double) max.toMillis(), current.toMillis() * multiplier);
            current = Duration.ofMillis(next);
            attempts++;
        }
        lastFailure = nowMillis;
    }

    @Override
    public boolean canRestart() {
        return attempts <= attemptsBeforeReset;
    }

    @Override
    public Duration getBackoff() {
        return current == null ? initial : current;
    }

    @Override
    public String describe() {
        return "exponential-delay: from " + TimeUtils.formatDuration(initial) + " up to "
                + TimeUtils.formatDuration(max) + " (x" + multiplier + ")";
    }
}
