package io.weft.jobmanager.scheduler;

import java.time.Duration;

/** Never restarts: the first failure fails the job. */
public final class NoRestartStrategy implements RestartStrategy {
    @Override
    public void onFailure(long nowMillis) {
    }

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public Duration getBackoff() {
        return Duration.ZERO;
    }

    @Override
    public String describe() {
        return "none";
    }
}
