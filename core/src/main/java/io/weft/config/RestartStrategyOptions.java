package io.weft.config;

import java.time.Duration;

/**
 * Options of the restart strategy that decides whether and when a failed job is redeployed.
 *
 * <p>With {@link #TYPE} unset a job restarts as in Flink: {@code exponential-delay} when checkpointing is on
 * ({@link CheckpointingOptions#INTERVAL} set), else {@code fixed-delay} with {@value #DEFAULT_FIXED_DELAY_ATTEMPTS}
 * attempts (unless {@link #FIXED_DELAY_ATTEMPTS} is set), so that a lost or preempted TaskManager does not fail a
 * job that chose nothing; {@link #effectiveType} applies the rule.
 */
public final class RestartStrategyOptions {
    /** The kinds of restart strategy. */
    public enum Type { NONE, FIXED_DELAY, EXPONENTIAL_DELAY, FAILURE_RATE }

    /** Restarts of the default fixed-delay strategy (type unset, checkpointing off). */
    public static final int DEFAULT_FIXED_DELAY_ATTEMPTS = 3;

    public static final ConfigOption<Type> TYPE = ConfigOptions.enumOption("restart-strategy.type", Type.class,
            null, "none, fixed-delay, exponential-delay or failure-rate. Unset: exponential-delay when checkpointing"
                    + " is on (execution.checkpointing.interval set), else fixed-delay with 3 attempts.");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS = ConfigOptions.intOption(
            "restart-strategy.fixed-delay.attempts", 1, "fixed-delay: restarts before the job fails (3 when"
                    + " restart-strategy.type is unset).", 0, Integer.MAX_VALUE);

    public static final ConfigOption<Duration> FIXED_DELAY_DELAY = ConfigOptions.durationOption(
            "restart-strategy.fixed-delay.delay", Duration.ofSeconds(1), "fixed-delay: pause before each restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_INITIAL_BACKOFF = ConfigOptions.durationOption(
            "restart-strategy.exponential-delay.initial-backoff", Duration.ofSeconds(1),
            "exponential-delay: pause before the first restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_MAX_BACKOFF = ConfigOptions.durationOption(
            "restart-strategy.exponential-delay.max-backoff", Duration.ofMinutes(1),
            "exponential-delay: the longest pause.");

    public static final ConfigOption<Double> EXPONENTIAL_MULTIPLIER = ConfigOptions.doubleOption(
            "restart-strategy.exponential-delay.backoff-multiplier", 2.0,
            "exponential-delay: factor applied to the pause after each restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_RESET_THRESHOLD = ConfigOptions.durationOption(
            "restart-strategy.exponential-delay.reset-backoff-threshold", Duration.ofHours(1),
            "exponential-delay: a job running this long without failure starts again from the initial pause.");

    public static final ConfigOption<Integer> EXPONENTIAL_ATTEMPTS = ConfigOptions.intOption(
            "restart-strategy.exponential-delay.attempts-before-reset-backoff", Integer.MAX_VALUE,
            "exponential-delay: restarts allowed before the job fails (the count resets with the pause).");

    public static final ConfigOption<Integer> FAILURE_RATE_MAX_FAILURES = ConfigOptions.intOption(
            "restart-strategy.failure-rate.max-failures-per-interval", 1,
            "failure-rate: failures tolerated within one interval.", 1, Integer.MAX_VALUE);

    public static final ConfigOption<Duration> FAILURE_RATE_INTERVAL = ConfigOptions.durationOption(
            "restart-strategy.failure-rate.failure-rate-interval", Duration.ofMinutes(1),
            "failure-rate: the sliding window over which failures are counted.");

    public static final ConfigOption<Duration> FAILURE_RATE_DELAY = ConfigOptions.durationOption(
            "restart-strategy.failure-rate.delay", Duration.ofSeconds(1), "failure-rate: pause before each restart.");

    private RestartStrategyOptions() {
    }

    /** The configured {@link #TYPE}, or the default one by the rule above when it is unset. */
    public static Type effectiveType(Configuration config) {
        return config.getOptional(TYPE).orElse(CheckpointingOptions.isCheckpointingEnabled(config)
                ? Type.EXPONENTIAL_DELAY : Type.FIXED_DELAY);
    }

    /** The restarts of fixed-delay: {@link #FIXED_DELAY_ATTEMPTS} when set, else its default for {@code type}. */
    public static int fixedDelayAttempts(Configuration config) {
        return config.getOptional(FIXED_DELAY_ATTEMPTS).orElse(config.contains(TYPE)
                ? FIXED_DELAY_ATTEMPTS.defaultValue() : DEFAULT_FIXED_DELAY_ATTEMPTS);
    }
}
