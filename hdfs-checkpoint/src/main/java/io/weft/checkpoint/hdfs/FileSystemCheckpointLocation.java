package io.weft.checkpoint.hdfs;

import io.weft.runtime.checkpoint.CheckpointMetadata;
import io.weft.runtime.checkpoint.CheckpointMetadataCodec;
import io.weft.runtime.checkpoint.CheckpointStorageLocation;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of one checkpoint or savepoint being taken on a Hadoop file system, and its atomic commit: the
 * {@code _metadata} is written in full under a hidden temporary name in the same directory, then renamed, so that
 * readers see either no {@code _metadata} or a complete one. Thread-safe (immutable; the file system is shared).
 */
final class FileSystemCheckpointLocation implements CheckpointStorageLocation {
    static final String METADATA_FILE = "_metadata";
    /** Hidden (leading '.'), so that listings of completed checkpoints skip it. */
    static final String TEMPORARY_PREFIX = "._metadata.inprogress.";
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemCheckpointLocation.class);

    private final FileSystem fs;
    private final Path directory;

    /** @param directory qualified */
    FileSystemCheckpointLocation(FileSystem fs, Path directory) {
        this.fs = fs;
        this.directory = directory;
    }

    @Override
    public String pointer() {
        return directory.toString();
    }

    @Override
    public String commitMetadata(CheckpointMetadata metadata) throws IOException {
        byte[] bytes = CheckpointMetadataCodec.encode(metadata, pointer());
        Path target = new Path(directory, METADATA_FILE);
        Path temporary = new Path(directory, TEMPORARY_PREFIX + UUID.randomUUID());
        // HDFS refuses to rename onto an existing file; the local file system would replace it, hence the check
        if (fs.exists(target)) {
            throw new FileAlreadyExistsException(target + " exists already: checkpoint " + metadata.checkpointId()
                    + " of job " + metadata.jobId() + " was committed before; a _metadata is never overwritten");
        }
        boolean renamed = false;
        try {
            try (FSDataOutputStream out = fs.create(temporary, false)) {
                out.write(bytes);
            }
            renamed = fs.rename(temporary, target);
            if (!renamed) {
                throw new IOException("Cannot commit checkpoint " + metadata.checkpointId() + " of job "
                        + metadata.jobId() + ": renaming " + temporary + " to " + target + " failed ("
                        + (fs.exists(target) ? "a _metadata appeared meanwhile" : "the file system refused") + ")");
            }
        } finally {
            if (!renamed) {
                deleteQuietly(temporary);
            }
        }
        LOG.debug("Committed checkpoint {} of job {}: {} bytes of metadata in {}", metadata.checkpointId(),
                metadata.jobId(), bytes.length, target);
        return pointer();
    }

    @Override
    public void discard() throws IOException {
        fs.delete(directory, true);
    }

    private void deleteQuietly(Path temporary) {
        try {
            fs.delete(temporary, false);
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary metadata file {}: {}", temporary, CheckpointFileSystems.reason(e));
        }
    }
}
