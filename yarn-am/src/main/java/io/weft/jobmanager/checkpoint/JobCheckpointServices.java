package io.weft.jobmanager.checkpoint;

import java.util.Objects;

/**
 * Where one job's checkpoints are counted, registered and stored: kept in memory without HA, in ZooKeeper and on
 * the HA storage directory with it. Immutable holder; the services say whether they are thread-safe.
 */
public record JobCheckpointServices(CheckpointIDCounter ids, CompletedCheckpointStore store,
        io.weft.runtime.checkpoint.CheckpointStorage storage) {
    public JobCheckpointServices {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(storage, "storage");
    }
}
