package io.weft.runtime.checkpoint;

import java.util.Objects;

/**
 * A completed checkpoint or savepoint read back: its metadata, with file handles absolute, and the directory it
 * was found in. Immutable.
 */
public record CompletedCheckpointHandle(CheckpointMetadata metadata, String externalPointer) {
    public CompletedCheckpointHandle {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(externalPointer, "externalPointer");
    }
}
