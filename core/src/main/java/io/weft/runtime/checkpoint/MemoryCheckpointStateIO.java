package io.weft.runtime.checkpoint;

import java.io.IOException;

/**
 * A TaskManager's state storage when no file checkpoint storage is on the classpath: every piece of state is kept
 * inline (it travels to the JobManager's memory), and state files cannot be read. Stateless and thread-safe.
 */
public final class MemoryCheckpointStateIO implements CheckpointStateIO {
    @Override
    public StreamStateHandle store(String location, byte[] data) throws IOException {
        if (!location.isEmpty()) {
            throw new IOException("State cannot be written to " + location + ": no file checkpoint storage is on"
                    + " the classpath; add the weft-hdfs-checkpoint module");
        }
        return new StreamStateHandle.Inline(data.clone());
    }

    @Override
    public byte[] read(StreamStateHandle handle) throws IOException {
        if (handle instanceof StreamStateHandle.Inline inline) {
            return inline.data().clone();
        }
        throw new IOException("State file " + ((StreamStateHandle.File) handle).path() + " cannot be read: no file"
                + " checkpoint storage is on the classpath; add the weft-hdfs-checkpoint module");
    }
}
