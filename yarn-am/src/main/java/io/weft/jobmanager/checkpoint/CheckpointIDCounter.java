package io.weft.jobmanager.checkpoint;

/**
 * Hands out the ids of a job's checkpoints, strictly increasing over the job's whole life — across restarts and,
 * with ZooKeeper HA, across JobManagers. Implementations say whether they are thread-safe.
 */
public interface CheckpointIDCounter {
    /** The first id handed out by a new counter. */
    long INITIAL_CHECKPOINT_ID = 1;

    /** The next id; never returns the same id twice. */
    long getAndIncrement() throws Exception;

    /** The id the next {@link #getAndIncrement()} returns. */
    long get() throws Exception;

    /** Makes the next id {@code next} (after a restore from a savepoint of another job, ids go on from it). */
    void setCount(long next) throws Exception;
}
