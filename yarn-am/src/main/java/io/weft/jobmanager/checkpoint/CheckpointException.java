package io.weft.jobmanager.checkpoint;

import io.weft.api.WeftException;

/** A checkpoint or savepoint that could not be taken, with the checkpoint's id and why in its message. */
public final class CheckpointException extends WeftException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
