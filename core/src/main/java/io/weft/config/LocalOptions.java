package io.weft.config;

import java.time.Duration;

/** Options of the embedded cluster (the default {@code local} target) and of slot allocation. */
public final class LocalOptions {
    public static final ConfigOption<Integer> NUM_TASK_MANAGERS = ConfigOptions.intOption("local.number-taskmanager",
            1, "TaskManagers of the embedded cluster.");

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOptions.durationOption(
            "slot.request.timeout", Duration.ofMinutes(5),
            "How long a job waits for enough free slots before it fails.");

    private LocalOptions() {
    }
}
