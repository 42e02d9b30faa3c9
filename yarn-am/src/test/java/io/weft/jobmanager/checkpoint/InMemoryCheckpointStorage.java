package io.weft.jobmanager.checkpoint;

import io.weft.runtime.checkpoint.CheckpointMetadata;
import io.weft.runtime.checkpoint.CheckpointStorage;
import io.weft.runtime.checkpoint.CheckpointStorageLocation;
import io.weft.runtime.checkpoint.CompletedCheckpointHandle;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checkpoint storage for coordinator tests: "directories" are names in a set, metadata is kept in a map, and
 * every operation is logged; {@link #failNextCommit} makes the next metadata commit fail. Thread-safe.
 */
final class InMemoryCheckpointStorage implements CheckpointStorage {
    private final EventLog log;
    private final Set<String> directories = new TreeSet<>();
    private final Map<String, CheckpointMetadata> committed = new HashMap<>();
    private boolean jobDirectory = true;
    private boolean failNextCommit;

    InMemoryCheckpointStorage(EventLog log) {
        this.log = log;
    }

    synchronized void failNextCommit() {
        failNextCommit = true;
    }

    synchronized Set<String> directories() {
        return Set.copyOf(directories);
    }

    synchronized boolean hasJobDirectory() {
        return jobDirectory;
    }

    @Override
    public synchronized CheckpointStorageLocation initializeCheckpoint(long checkpointId) throws IOException {
        return create("chk-" + checkpointId);
    }

    @Override
    public synchronized CheckpointStorageLocation initializeSavepoint(long checkpointId, String targetDirectory)
            throws IOException {
        if (targetDirectory == null) {
            throw new IllegalArgumentException("No savepoint directory: pass one or set"
                    + " execution.checkpointing.savepoint-dir");
        }
        return create(targetDirectory + "/savepoint-" + checkpointId);
    }

    private CheckpointStorageLocation create(String dir) throws IOException {
        if (!directories.add(dir)) {
            throw new IOException(dir + " exists already");
        }
        log.add("create " + dir);
        return new CheckpointStorageLocation() {
            @Override
            public String pointer() {
                return dir;
            }

            @Override
            public String commitMetadata(CheckpointMetadata metadata) throws IOException {
                synchronized (InMemoryCheckpointStorage.this) {
                    if (failNextCommit) {
                        failNextCommit = false;
                        throw new IOException("disk full writing " + dir + "/_metadata");
                    }
                    if (committed.putIfAbsent(dir, metadata) != null) {
                        throw new IOException(dir + "/_metadata exists already");
                    }
                    log.add("commit " + dir);
                    return dir;
                }
            }

            @Override
            public void discard() throws IOException {
                InMemoryCheckpointStorage.this.discard(dir);
            }
        };
    }

    @Override
    public synchronized CompletedCheckpointHandle resolve(String pointer) throws IOException {
        CheckpointMetadata m = committed.get(pointer);
        if (m == null) {
            throw new FileNotFoundException("no _metadata in " + pointer);
        }
        return new CompletedCheckpointHandle(m, pointer);
    }

    @Override
    public synchronized void discard(String pointer) {
        if (directories.remove(pointer)) {
            committed.remove(pointer);
            log.add("discard " + pointer);
        }
    }

    @Override
    public synchronized void discardJobDirectory() {
        jobDirectory = false;
        log.add("discard job directory");
    }

    @Override
    public boolean isDurable() {
        return true;
    }
}
