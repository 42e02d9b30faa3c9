package io.weft.jobmanager.checkpoint;

import io.weft.config.CheckpointingOptions;
import io.weft.config.Configuration;
import java.time.Duration;

/**
 * The checkpoint settings of one job, read once from its configuration. Immutable.
 *
 * @param interval null when checkpointing is off (savepoints can still be taken)
 */
public record CheckpointCoordinatorSettings(Duration interval, Duration timeout, Duration minPause,
        int maxConcurrent, int tolerableFailures, CheckpointingOptions.Mode mode, boolean unaligned,
        Duration alignedTimeout, int numRetained, CheckpointingOptions.ExternalizedCheckpointRetention retention) {

    public static CheckpointCoordinatorSettings of(Configuration config) {
        return new CheckpointCoordinatorSettings(
                CheckpointingOptions.isCheckpointingEnabled(config) ? config.get(CheckpointingOptions.INTERVAL) : null,
                config.get(CheckpointingOptions.TIMEOUT), config.get(CheckpointingOptions.MIN_PAUSE),
                config.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS),
                config.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS), config.get(CheckpointingOptions.MODE),
                config.get(CheckpointingOptions.UNALIGNED_ENABLED),
                config.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT),
                config.get(CheckpointingOptions.NUM_RETAINED),
                config.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
    }

    public boolean periodic() {
        return interval != null;
    }
}
