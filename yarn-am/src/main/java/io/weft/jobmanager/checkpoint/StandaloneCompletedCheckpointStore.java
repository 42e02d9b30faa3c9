package io.weft.jobmanager.checkpoint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A completed-checkpoint store in the JobManager's memory, for jobs without HA. Not thread-safe: used on the
 * JobMaster's main thread.
 */
public final class StandaloneCompletedCheckpointStore implements CompletedCheckpointStore {
    private final int maxRetained;
    private final Deque<CompletedCheckpoint> checkpoints = new ArrayDeque<>();
    private CompletedCheckpoint latestSavepoint;

    public StandaloneCompletedCheckpointStore(int maxRetained) {
        if (maxRetained < 1) {
            throw new IllegalArgumentException("state.checkpoints.num-retained must be at least 1, not " + maxRetained);
        }
        this.maxRetained = maxRetained;
    }

    @Override
    public List<CompletedCheckpoint> add(CompletedCheckpoint checkpoint) {
        if (checkpoint.isSavepoint()) {
            if (latestSavepoint == null || latestSavepoint.checkpointId() < checkpoint.checkpointId()) {
                latestSavepoint = checkpoint;
            }
            return List.of();
        }
        CompletedCheckpoint newest = checkpoints.peekLast();
        if (newest != null && newest.checkpointId() >= checkpoint.checkpointId()) {
            throw new IllegalStateException("Checkpoint " + checkpoint.checkpointId() + " completed after checkpoint "
                    + newest.checkpointId() + ": ids must increase");
        }
        checkpoints.addLast(checkpoint);
        List<CompletedCheckpoint> subsumed = new ArrayList<>();
        while (checkpoints.size() > maxRetained) {
            subsumed.add(checkpoints.removeFirst());
        }
        return subsumed;
    }

    @Override
    public Optional<CompletedCheckpoint> latest() {
        CompletedCheckpoint c = checkpoints.peekLast();
        if (latestSavepoint != null && (c == null || latestSavepoint.checkpointId() > c.checkpointId())) {
            return Optional.of(latestSavepoint);
        }
        return Optional.ofNullable(c);
    }

    @Override
    public List<CompletedCheckpoint> all() {
        List<CompletedCheckpoint> all = new ArrayList<>(checkpoints);
        if (latestSavepoint != null) {
            all.add(latestSavepoint);
            all.sort((a, b) -> Long.compare(a.checkpointId(), b.checkpointId()));
        }
        return all;
    }

    @Override
    public int maxRetained() {
        return maxRetained;
    }
}
