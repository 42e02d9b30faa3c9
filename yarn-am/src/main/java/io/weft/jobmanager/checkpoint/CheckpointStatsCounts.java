package io.weft.jobmanager.checkpoint;

/**
 * How many checkpoints of a job were restored, are in progress, completed and failed (the {@code counts} of
 * {@code GET /jobs/:jobid/checkpoints}). Mutable; owned by the coordinator's main thread, handed out as copies.
 */
public final class CheckpointStatsCounts {
    int restored;
    int inProgress;
    int completed;
    int failed;

    CheckpointStatsCounts copy() {
        CheckpointStatsCounts c = new CheckpointStatsCounts();
        c.restored = restored;
        c.inProgress = inProgress;
        c.completed = completed;
        c.failed = failed;
        return c;
    }

    public int restored() {
        return restored;
    }

    public int inProgress() {
        return inProgress;
    }

    public int completed() {
        return completed;
    }

    public int failed() {
        return failed;
    }

    public int total() {
        return inProgress + completed + failed;
    }
}
