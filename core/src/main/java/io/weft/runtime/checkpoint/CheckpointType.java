package io.weft.runtime.checkpoint;

/** What a checkpoint is for: a periodic checkpoint the job restores from, or a savepoint a user asked for. */
public enum CheckpointType {
    /** Triggered periodically by the coordinator; owned by Weft and deleted when subsumed. */
    CHECKPOINT,
    /** Triggered by a user; self-contained and owned by the user. */
    SAVEPOINT,
    /** A savepoint after which the job ends ({@code weft stop}): sources stop once it is taken. */
    SAVEPOINT_TERMINATE;

    public boolean isSavepoint() {
        return this != CHECKPOINT;
    }
}
