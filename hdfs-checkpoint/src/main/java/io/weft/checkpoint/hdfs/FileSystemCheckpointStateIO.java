package io.weft.checkpoint.hdfs;

import io.weft.config.CheckpointingOptions;
import io.weft.runtime.checkpoint.CheckpointStateIO;
import io.weft.runtime.checkpoint.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A TaskManager's writer and reader of state bytes on a Hadoop file system: state of at most
 * {@code state.storage.fs.memory-threshold} stays inline, larger state becomes a new file
 * {@code <checkpoint directory>/<random uuid>}. Thread-safe: immutable settings, one stream per call.
 */
public final class FileSystemCheckpointStateIO implements CheckpointStateIO {
    private final long threshold;
    private final Configuration hadoop;

    public FileSystemCheckpointStateIO(io.weft.config.Configuration configuration) {
        this.threshold = configuration.get(CheckpointingOptions.MEMORY_THRESHOLD).bytes();
        this.hadoop = CheckpointFileSystems.hadoopConfiguration(configuration);
    }

    @Override
    public StreamStateHandle store(String location, byte[] data) throws IOException {
        if (data.length <= threshold || location.isEmpty()) {
            return new StreamStateHandle.Inline(data.clone());
        }
        Path directory = new Path(location);
        FileSystem fs = CheckpointFileSystems.of(directory, hadoop);
        Path file = fs.makeQualified(new Path(directory, UUID.randomUUID().toString()));
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(data);
        } catch (IOException e) {
            throw new IOException("Cannot write " + data.length + " bytes of state to " + file + ": "
                    + CheckpointFileSystems.reason(e) + "; " + CheckpointFileSystems.hint(file, hadoop), e);
        }
        return new StreamStateHandle.File(file.toString(), data.length);
    }

    @Override
    public byte[] read(StreamStateHandle handle) throws IOException {
        if (handle instanceof StreamStateHandle.Inline inline) {
            return inline.data().clone();
        }
        StreamStateHandle.File file = (StreamStateHandle.File) handle;
        Path path = new Path(file.path());
        if (!path.isAbsolute()) {
            throw new IOException("State file " + file.path() + " is relative: it must be resolved against its"
                    + " checkpoint's directory first (a bug in the caller)");
        }
        if (file.size() > Integer.MAX_VALUE - 8) {
            throw new IOException("State file " + file.path() + " has " + file.size() + " bytes, more than one"
                    + " array holds");
        }
        byte[] bytes;
        try (InputStream in = CheckpointFileSystems.of(path, hadoop).open(path)) {
            bytes = in.readNBytes((int) file.size() + 1);
        }
        if (bytes.length != file.size()) {
            throw new IOException("State file " + file.path() + " has " + (bytes.length > file.size() ? "more than "
                    : "") + bytes.length + " bytes, but its checkpoint says " + file.size()
                    + ": it was changed or truncated after the checkpoint");
        }
        return bytes;
    }
}
