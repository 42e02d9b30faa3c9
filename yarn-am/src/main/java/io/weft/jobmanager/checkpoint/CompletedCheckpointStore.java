package io.weft.jobmanager.checkpoint;

import java.util.List;
import java.util.Optional;

/**
 * The completed checkpoints a job can restore from, newest last. Adding one subsumes the oldest checkpoints beyond
 * the number retained; savepoints are kept as restore points but never subsumed (users own them). Implementations
 * say whether they are thread-safe.
 */
public interface CompletedCheckpointStore {
    /**
     * Adds {@code checkpoint} and returns the checkpoints it subsumed, which the caller deletes (after the store
     * was updated, so a crash in between leaves extra files, never a pointer to deleted ones).
     */
    List<CompletedCheckpoint> add(CompletedCheckpoint checkpoint) throws Exception;

    /** The newest checkpoint or savepoint, by id. */
    Optional<CompletedCheckpoint> latest() throws Exception;

    /** Every retained checkpoint and savepoint, oldest first. */
    List<CompletedCheckpoint> all() throws Exception;

    /** How many checkpoints (not savepoints) are kept. */
    int maxRetained();
}
