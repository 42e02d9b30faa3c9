package io.weft.config;

import java.time.Duration;

/**
 * Options of checkpoints, savepoints and the state backend, under Flink 2's names ({@code execution.checkpointing.*},
 * {@code state.*}), with Flink's types, defaults and ranges; Flink 1's {@code state.checkpoints.dir} and
 * {@code state.savepoints.dir} are read as deprecated names of the two directories. Every key is job-level: it can be
 * set per job with {@code weft run -D} on any target.
 *
 * <p>Checkpointing is on when {@link #INTERVAL} is set; that also picks the default restart strategy
 * (see {@link RestartStrategyOptions#TYPE}).
 */
public final class CheckpointingOptions {
    /** Flink's shortest checkpoint interval and timeout. */
    public static final Duration MINIMAL_CHECKPOINT_TIME = Duration.ofMillis(10);

    /** The consistency checkpoints give. */
    public enum Mode { EXACTLY_ONCE, AT_LEAST_ONCE }

    /** What becomes of a job's retained checkpoints when it is cancelled. */
    public enum ExternalizedCheckpointRetention { DELETE_ON_CANCELLATION, RETAIN_ON_CANCELLATION,
        NO_EXTERNALIZED_CHECKPOINTS }

    /** Where operator state lives while a job runs. */
    public enum StateBackendType { HASHMAP }

    public static final ConfigOption<Duration> INTERVAL = ConfigOptions.durationOption(
            "execution.checkpointing.interval", null,
            "Interval between the starts of two checkpoints. Unset, checkpointing is off.")
            .accepting("a duration of at least 10 ms", d -> d.compareTo(MINIMAL_CHECKPOINT_TIME) >= 0);

    public static final ConfigOption<Mode> MODE = ConfigOptions.enumConstantOption("execution.checkpointing.mode",
            Mode.class, Mode.EXACTLY_ONCE,
            "EXACTLY_ONCE (barriers aligned) or AT_LEAST_ONCE (no alignment; records may be seen twice after a restore).");

    public static final ConfigOption<Duration> TIMEOUT = ConfigOptions.durationOption(
            "execution.checkpointing.timeout", Duration.ofMinutes(10),
            "A checkpoint not complete after this long is aborted.")
            .accepting("a duration of at least 10 ms", d -> d.compareTo(MINIMAL_CHECKPOINT_TIME) >= 0);

    public static final ConfigOption<Duration> MIN_PAUSE = ConfigOptions.durationOption(
            "execution.checkpointing.min-pause", Duration.ZERO,
            "Least time between the end of one checkpoint and the start of the next.");

    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS = ConfigOptions.intOption(
            "execution.checkpointing.max-concurrent-checkpoints", 1,
            "Checkpoints that may be in progress at the same time.", 1, Integer.MAX_VALUE);

    public static final ConfigOption<Integer> TOLERABLE_FAILED_CHECKPOINTS = ConfigOptions.intOption(
            "execution.checkpointing.tolerable-failed-checkpoints", 0,
            "Consecutive failed checkpoints tolerated before the job fails (and restarts).", 0, Integer.MAX_VALUE);

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = ConfigOptions.stringOption(
            "execution.checkpointing.dir", null,
            "Directory (any Hadoop path: hdfs://, file://) that checkpoints are written to, as <dir>/<job id>/chk-<n>."
                    + " Deprecated name: state.checkpoints.dir.")
            .withDeprecatedKeys("state.checkpoints.dir");

    public static final ConfigOption<String> SAVEPOINT_DIRECTORY = ConfigOptions.stringOption(
            "execution.checkpointing.savepoint-dir", null,
            "Default directory of savepoints (weft savepoint and weft stop without a directory)."
                    + " Deprecated name: state.savepoints.dir.")
            .withDeprecatedKeys("state.savepoints.dir");

    /** Flink's largest inline threshold: larger inline state would bloat acknowledgements and {@code _metadata}. */
    public static final MemorySize MAX_MEMORY_THRESHOLD = MemorySize.ofMebiBytes(1);

    public static final ConfigOption<MemorySize> MEMORY_THRESHOLD = ConfigOptions.memoryOption(
            "state.storage.fs.memory-threshold", new MemorySize(20 << 10),
            "State of at most this size is kept inline in the checkpoint's _metadata instead of a file of its own"
                    + " (at most 1 mb).")
            .accepting("a memory size of at most 1 mb", m -> m.bytes() <= MAX_MEMORY_THRESHOLD.bytes());

    public static final ConfigOption<Boolean> UNALIGNED_ENABLED = ConfigOptions.booleanOption(
            "execution.checkpointing.unaligned.enabled", false,
            "Unaligned checkpoints: in-flight records become part of the checkpoint, so checkpoints complete under"
                    + " backpressure (EXACTLY_ONCE mode, max-concurrent-checkpoints 1 only).");

    public static final ConfigOption<Duration> ALIGNED_CHECKPOINT_TIMEOUT = ConfigOptions.durationOption(
            "execution.checkpointing.aligned-checkpoint-timeout", Duration.ZERO,
            "With unaligned checkpoints on: a checkpoint starts aligned and switches to unaligned when its alignment"
                    + " takes longer than this; 0 starts unaligned at once.");

    public static final ConfigOption<ExternalizedCheckpointRetention> EXTERNALIZED_CHECKPOINT_RETENTION =
            ConfigOptions.enumConstantOption("execution.checkpointing.externalized-checkpoint-retention",
                    ExternalizedCheckpointRetention.class, ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION,
                    "DELETE_ON_CANCELLATION (a cancelled job's checkpoints are deleted), RETAIN_ON_CANCELLATION (kept"
                            + " to resume from) or NO_EXTERNALIZED_CHECKPOINTS (never kept once the job ends).");

    public static final ConfigOption<Integer> NUM_RETAINED = ConfigOptions.intOption("state.checkpoints.num-retained",
            1, "Completed checkpoints kept; older ones are deleted.", 1, Integer.MAX_VALUE);

    public static final ConfigOption<StateBackendType> STATE_BACKEND = ConfigOptions.enumOption("state.backend.type",
            StateBackendType.class, StateBackendType.HASHMAP, "hashmap: state on the TaskManagers' heap.");

    private CheckpointingOptions() {
    }

    /** Whether checkpointing is on: {@link #INTERVAL} is set. */
    public static boolean isCheckpointingEnabled(Configuration config) {
        return config.contains(INTERVAL);
    }
}
