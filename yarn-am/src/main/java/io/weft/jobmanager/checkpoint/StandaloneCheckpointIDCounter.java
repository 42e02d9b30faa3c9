package io.weft.jobmanager.checkpoint;

import java.util.concurrent.atomic.AtomicLong;

/** A checkpoint id counter in the JobManager's memory, for jobs without HA; thread-safe. */
public final class StandaloneCheckpointIDCounter implements CheckpointIDCounter {
    private final AtomicLong next = new AtomicLong(INITIAL_CHECKPOINT_ID);

    @Override
    public long getAndIncrement() {
        return next.getAndIncrement();
    }

    @Override
    public long get() {
        return next.get();
    }

    @Override
    public void setCount(long value) {
        if (value < INITIAL_CHECKPOINT_ID) {
            throw new IllegalArgumentException("Checkpoint ids start at " + INITIAL_CHECKPOINT_ID + ", not " + value);
        }
        next.set(value);
    }
}
