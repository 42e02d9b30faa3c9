package io.weft.config;

import io.weft.api.RuntimeExecutionMode;
import java.time.Duration;

/** Options of jobs in general: parallelism and runtime mode. */
public final class CoreOptions {
    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOptions.intOption("parallelism.default", 1,
            "Parallelism of operators that set none themselves.", 1, Integer.MAX_VALUE);

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOptions.intOption("pipeline.max-parallelism",
            128, "Number of key groups: the upper bound of the parallelism of keyed operators. Unset, it is 128 or"
                    + " the operator's parallelism, whichever is larger.", 1, 32768);

    /** The largest max parallelism (number of key groups) an operator may have, as in Flink. */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 32768;

    public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE = ConfigOptions.enumOption(
            "execution.runtime-mode", RuntimeExecutionMode.class, RuntimeExecutionMode.STREAMING,
            "batch, streaming, or automatic (batch when every source is bounded).");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.durationOption(
            "execution.buffer-timeout.interval", Duration.ofMillis(100),
            "Longest time a partly filled network buffer waits before it is sent (latency bound of streaming jobs).");

    private CoreOptions() {
    }
}
