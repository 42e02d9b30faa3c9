package io.weft.jobmanager.scheduler;

import io.weft.config.Configuration;
import io.weft.config.RestartStrategyOptions;
import java.time.Duration;

/**
 * Decides whether a failed job is redeployed and after what pause. {@link #onFailure} is called once per
 * failure, then {@link #canRestart} and {@link #getBackoff}.
 *
 * <p>JobMaster main thread only.
 */
public interface RestartStrategy {
    /** Records a failure at {@code nowMillis}. */
    void onFailure(long nowMillis);

    /** Whether the failure just recorded may be cured by a restart. */
    boolean canRestart();

    /** The pause before the restart. */
    Duration getBackoff();

    /** A description for logs and error messages ("fixed-delay: 3 attempts, 1 s apart"). */
    String describe();

    /**
     * The strategy configured by {@code restart-strategy.*}; with {@code restart-strategy.type} unset, the default
     * of {@link RestartStrategyOptions#effectiveType}.
     */
    static RestartStrategy fromConfiguration(Configuration c) {
        return switch (RestartStrategyOptions.effectiveType(c)) {
            case NONE -> new NoRestartStrategy();
            case FIXED_DELAY -> new FixedDelayRestartStrategy(RestartStrategyOptions.fixedDelayAttempts(c),
                    c.get(RestartStrategyOptions.FIXED_DELAY_DELAY));
            case EXPONENTIAL_DELAY -> new ExponentialDelayRestartStrategy(
                    c.get(RestartStrategyOptions.EXPONENTIAL_INITIAL_BACKOFF),
                    c.get(RestartStrategyOptions.EXPONENTIAL_MAX_BACKOFF),
                    c.get(RestartStrategyOptions.EXPONENTIAL_MULTIPLIER),
                    c.get(RestartStrategyOptions.EXPONENTIAL_RESET_THRESHOLD),
                    c.get(RestartStrategyOptions.EXPONENTIAL_ATTEMPTS));
            case FAILURE_RATE -> new FailureRateRestartStrategy(
                    c.get(RestartStrategyOptions.FAILURE_RATE_MAX_FAILURES),
                    c.get(RestartStrategyOptions.FAILURE_RATE_INTERVAL),
                    c.get(RestartStrategyOptions.FAILURE_RATE_DELAY));
        };
    }
}
