package io.weft.checkpoint.hdfs;

import io.weft.api.JobID;
import io.weft.config.CheckpointingOptions;
import io.weft.runtime.checkpoint.CheckpointMetadata;
import io.weft.runtime.checkpoint.CheckpointMetadataCodec;
import io.weft.runtime.checkpoint.CheckpointStorage;
import io.weft.runtime.checkpoint.CheckpointStorageLocation;
import io.weft.runtime.checkpoint.CompletedCheckpointHandle;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's checkpoints and savepoints on a Hadoop file system ({@code file://}, {@code hdfs://}, plain paths):
 * {@code <execution.checkpointing.dir>/<job id>/chk-<n>/_metadata} with the state files next to it, and savepoints in
 * {@code <dir>/savepoint-<first 6 hex of the job id>-<12 random hex>/}. Thread-safe: it holds only immutable
 * settings, and every method does its own blocking I/O (call it off the JobMaster's main thread).
 */
public final class FileSystemCheckpointStorage implements CheckpointStorage {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemCheckpointStorage.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JobID jobId;
    private final String checkpointsDirectory;
    private final String savepointDirectory;
    private final Configuration hadoop;

    /**
     * @param configuration the job's: {@code execution.checkpointing.dir} (may be unset when only savepoints are
     *     written here) and {@code execution.checkpointing.savepoint-dir}
     */
    public FileSystemCheckpointStorage(JobID jobId, io.weft.config.Configuration configuration) {
        this.jobId = jobId;
        this.checkpointsDirectory = configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        this.savepointDirectory = configuration.get(CheckpointingOptions.SAVEPOINT_DIRECTORY);
        this.hadoop = CheckpointFileSystems.hadoopConfiguration(configuration);
    }

    @Override
    public CheckpointStorageLocation initializeCheckpoint(long checkpointId) throws IOException {
        if (checkpointsDirectory == null) {
            throw new IllegalStateException("Job " + jobId + " has no checkpoint directory: set "
                    + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
        }
        return create(new Path(jobDirectory(), "chk-" + checkpointId), "checkpoint " + checkpointId);
    }

    @Override
    public CheckpointStorageLocation initializeSavepoint(long checkpointId, String targetDirectory)
            throws IOException {
        String parent = targetDirectory != null ? targetDirectory : savepointDirectory;
        if (parent == null || parent.isBlank()) {
            throw new IllegalArgumentException("Savepoint " + checkpointId + " of job " + jobId + " has no directory:"
                    + " give one (weft savepoint <job id> <dir>) or set "
                    + CheckpointingOptions.SAVEPOINT_DIRECTORY.key());
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = "savepoint-" + jobId.toString().substring(0, 6) + "-" + HexFormat.of().formatHex(random);
        return create(new Path(parent, name), "savepoint " + checkpointId);
    }

    @Override
    public CompletedCheckpointHandle resolve(String pointer) throws IOException {
        Path path = new Path(pointer);
        FileSystem fs = CheckpointFileSystems.of(path, hadoop);
        Path qualified = fs.makeQualified(path);
        FileStatus status;
        try {
            status = fs.getFileStatus(qualified);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("Checkpoint or savepoint " + pointer + " does not exist (" + qualified
                    + "): check the path");
        }
        Path metadataFile = status.isDirectory()
                ? new Path(qualified, FileSystemCheckpointLocation.METADATA_FILE) : qualified;
        if (status.isDirectory() && !fs.exists(metadataFile)) {
            throw new FileNotFoundException("There is no _metadata in " + qualified + ": it is not a completed"
                    + " checkpoint or savepoint (it may have been aborted, or the path names its parent)");
        }
        Path directory = metadataFile.getParent();
        byte[] bytes;
        try (InputStream in = fs.open(metadataFile)) {
            bytes = in.readAllBytes();
        }
        CheckpointMetadata metadata = CheckpointMetadataCodec.decode(bytes, directory.toString(),
                metadataFile.toString());
        return new CompletedCheckpointHandle(metadata, directory.toString());
    }

    @Override
    public void discard(String pointer) throws IOException {
        Path path = new Path(pointer);
        if (path.getName().equals(FileSystemCheckpointLocation.METADATA_FILE)) {
            path = path.getParent();
        }
        FileSystem fs = CheckpointFileSystems.of(path, hadoop);
        if (!fs.delete(path, true) && fs.exists(path)) {
            throw new IOException("Cannot delete checkpoint directory " + path + " of job " + jobId
                    + ": the file system refused; check its permissions");
        }
    }

    @Override
    public void discardJobDirectory() throws IOException {
        if (checkpointsDirectory != null) {
            Path directory = jobDirectory();
            CheckpointFileSystems.of(directory, hadoop).delete(directory, true);
            LOG.info("Deleted the checkpoint directory {} of job {}", directory, jobId);
        }
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    private Path jobDirectory() {
        return new Path(checkpointsDirectory, jobId.toString());
    }

    private CheckpointStorageLocation create(Path directory, String what) throws IOException {
        FileSystem fs = CheckpointFileSystems.of(directory, hadoop);
        Path qualified = fs.makeQualified(directory);
        if (fs.exists(qualified)) {
            throw new FileAlreadyExistsException("The directory " + qualified + " of " + what + " of job " + jobId
                    + " exists already: another run of this job wrote there, or its checkpoint ids started again;"
                    + " move it away or use another " + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
        }
        if (!fs.mkdirs(qualified)) {
            throw new IOException("Cannot create the directory " + qualified + " of " + what + " of job " + jobId
                    + ": " + CheckpointFileSystems.hint(qualified, hadoop));
        }
        return new FileSystemCheckpointLocation(fs, qualified);
    }
}
