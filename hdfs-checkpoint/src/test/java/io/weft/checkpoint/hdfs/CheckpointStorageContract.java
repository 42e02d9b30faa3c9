package io.weft.checkpoint.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobID;
import io.weft.config.CheckpointingOptions;
import io.weft.config.Configuration;
import io.weft.runtime.OperatorID;
import io.weft.runtime.checkpoint.CheckpointMetadata;
import io.weft.runtime.checkpoint.CheckpointStateIO;
import io.weft.runtime.checkpoint.CheckpointStorage;
import io.weft.runtime.checkpoint.CheckpointStorageLocation;
import io.weft.runtime.checkpoint.CheckpointType;
import io.weft.runtime.checkpoint.CompletedCheckpointHandle;
import io.weft.runtime.checkpoint.KeyGroupsStateHandle;
import io.weft.runtime.checkpoint.OperatorState;
import io.weft.runtime.checkpoint.OperatorSubtaskState;
import io.weft.runtime.checkpoint.StreamStateHandle;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every file system the checkpoint storage runs on must do: the same tests on a local directory (plain path
 * and {@code file://}) and on HDFS. Subclasses give a fresh base directory for each test and its file system.
 */
abstract class CheckpointStorageContract {
    private static final int THRESHOLD = 1024;

    private final JobID job = JobID.generate();
    private String base;
    private FileSystem fs;
    private CheckpointStorage storage;
    private CheckpointStateIO stateIO;

    /** A new, empty directory for one test, as the user would write it in the configuration. */
    abstract String newBaseDirectory() throws IOException;

    abstract FileSystem fileSystem() throws IOException;

    @BeforeEach
    void createStorage() throws IOException {
        base = newBaseDirectory();
        fs = fileSystem();
        Configuration config = new Configuration()
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, base + "/checkpoints")
                .set(CheckpointingOptions.MEMORY_THRESHOLD, new io.weft.config.MemorySize(THRESHOLD));
        storage = new FileSystemCheckpointStorage(job, config);
        stateIO = new FileSystemCheckpointStateIO(config);
    }

    @Test
    void aCommittedCheckpointResolvesToTheSameMetadataFromItsDirectoryOrItsMetadataFile() throws IOException {
        CheckpointStorageLocation location = storage.initializeCheckpoint(3);
        CheckpointMetadata metadata = metadataWithState(location, 3, CheckpointType.CHECKPOINT);

        String pointer = location.commitMetadata(metadata);

        assertThat(pointer).isEqualTo(location.pointer()).endsWith("/checkpoints/" + job + "/chk-3");
        assertThat(fs.exists(new Path(pointer, "_metadata"))).isTrue();
        for (String p : List.of(pointer, pointer + "/_metadata", withoutScheme(pointer))) {
            CompletedCheckpointHandle handle = storage.resolve(p);
            assertThat(handle.externalPointer()).isEqualTo(pointer);
            assertThat(handle.metadata()).usingRecursiveComparison().isEqualTo(metadata);
        }
        assertThat(storage.isDurable()).isTrue();
    }

    @Test
    void stateUpToTheThresholdIsInlineAndLargerStateAFileInTheCheckpointsDirectory() throws IOException {
        CheckpointStorageLocation location = storage.initializeCheckpoint(1);

        StreamStateHandle small = stateIO.store(location.pointer(), bytes(THRESHOLD, 1));
        StreamStateHandle large = stateIO.store(location.pointer(), bytes(THRESHOLD + 1, 2));
        StreamStateHandle noLocation = stateIO.store("", bytes(THRESHOLD * 4, 3));

        assertThat(small).isInstanceOf(StreamStateHandle.Inline.class);
        assertThat(noLocation).isInstanceOf(StreamStateHandle.Inline.class);
        StreamStateHandle.File file = (StreamStateHandle.File) large;
        assertThat(file.size()).isEqualTo(THRESHOLD + 1);
        assertThat(new Path(file.path()).getParent().toString()).isEqualTo(location.pointer());
        assertThat(fs.getFileStatus(new Path(file.path())).getLen()).isEqualTo(THRESHOLD + 1);
        assertThat(stateIO.read(small)).isEqualTo(bytes(THRESHOLD, 1));
        assertThat(stateIO.read(large)).isEqualTo(bytes(THRESHOLD + 1, 2));
    }

    @Test
    void aMovedSavepointResolvesWithItsStateFilesInTheNewPlace() throws IOException {
        CheckpointStorageLocation location = storage.initializeSavepoint(5, base + "/savepoints");
        assertThat(new Path(location.pointer()).getName()).matches("savepoint-" + job.toString().substring(0, 6)
                + "-[0-9a-f]{12}");
        location.commitMetadata(metadataWithState(location, 5, CheckpointType.SAVEPOINT));
        Path moved = new Path(base + "/moved/my-savepoint");
        fs.mkdirs(moved.getParent());
        assertThat(fs.rename(new Path(location.pointer()), moved)).isTrue();

        CompletedCheckpointHandle handle = storage.resolve(moved.toString());

        KeyGroupsStateHandle keyed = handle.metadata().operators().get(0).subtaskStates().get(0).keyedState().get(0);
        String path = ((StreamStateHandle.File) keyed.data()).path();
        assertThat(path).startsWith(handle.externalPointer() + "/").contains("/moved/my-savepoint/");
        assertThat(stateIO.read(keyed.data())).isEqualTo(bytes(THRESHOLD * 2, 7));
    }

    @Test
    void aSavepointGoesToTheConfiguredDirectoryWhenNoneIsGivenAndNeedsOne() throws IOException {
        Configuration config = new Configuration().set(CheckpointingOptions.SAVEPOINT_DIRECTORY, base + "/sp");
        CheckpointStorage withDefault = new FileSystemCheckpointStorage(job, config);

        assertThat(withDefault.initializeSavepoint(1, null).pointer()).contains("/sp/savepoint-");
        assertThatThrownBy(() -> storage.initializeSavepoint(2, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("execution.checkpointing.savepoint-dir")
                .hasMessageContaining("weft savepoint <job id> <dir>");
    }

    @Test
    void aTruncatedMetadataFileIsAOneLineIOExceptionNamingIt() throws IOException {
        CheckpointStorageLocation location = storage.initializeCheckpoint(2);
        location.commitMetadata(metadataWithState(location, 2, CheckpointType.CHECKPOINT));
        Path metadataFile = new Path(location.pointer(), "_metadata");
        byte[] whole = readAll(metadataFile);
        try (FSDataOutputStream out = fs.create(metadataFile, true)) {
            out.write(Arrays.copyOf(whole, whole.length / 2));
        }

        assertThatThrownBy(() -> storage.resolve(location.pointer()))
                .isExactlyInstanceOf(IOException.class)
                .hasMessageStartingWith(metadataFile + " is truncated")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingPathOrADirectoryWithoutMetadataIsFileNotFoundNamingIt() throws IOException {
        String missing = base + "/no-such-checkpoint";
        assertThatThrownBy(() -> storage.resolve(missing))
                .isExactlyInstanceOf(FileNotFoundException.class).hasMessageContaining(missing);

        CheckpointStorageLocation aborted = storage.initializeCheckpoint(9);
        assertThatThrownBy(() -> storage.resolve(aborted.pointer()))
                .isExactlyInstanceOf(FileNotFoundException.class)
                .hasMessageStartingWith("There is no _metadata in " + aborted.pointer());
    }

    @Test
    void aMetadataFileIsNeverOverwrittenAndNoTemporaryFileIsLeft() throws IOException {
        CheckpointStorageLocation location = storage.initializeCheckpoint(4);
        location.commitMetadata(metadataWithState(location, 4, CheckpointType.CHECKPOINT));
        byte[] first = readAll(new Path(location.pointer(), "_metadata"));

        assertThatThrownBy(() -> location.commitMetadata(new CheckpointMetadata(job, 4, 1, CheckpointType.CHECKPOINT,
                List.of()))).isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("_metadata");

        assertThat(readAll(new Path(location.pointer(), "_metadata"))).isEqualTo(first);
        assertThat(names(new Path(location.pointer()))).noneMatch(n -> n.startsWith("."));
    }

    @Test
    void aCheckpointDirectoryIsCreatedOnce() throws IOException {
        storage.initializeCheckpoint(6);

        assertThatThrownBy(() -> storage.initializeCheckpoint(6))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("chk-6 of checkpoint 6 of job "
                        + job + " exists already");
    }

    @Test
    void discardDeletesWholeDirectories() throws IOException {
        CheckpointStorageLocation first = storage.initializeCheckpoint(1);
        first.commitMetadata(metadataWithState(first, 1, CheckpointType.CHECKPOINT));
        CheckpointStorageLocation second = storage.initializeCheckpoint(2);
        second.commitMetadata(metadataWithState(second, 2, CheckpointType.CHECKPOINT));
        CheckpointStorageLocation third = storage.initializeCheckpoint(3);
        stateIO.store(third.pointer(), bytes(THRESHOLD * 3, 1));

        storage.discard(first.pointer());
        storage.discard(second.pointer() + "/_metadata");
        third.discard();

        Path jobDirectory = new Path(first.pointer()).getParent();
        assertThat(names(jobDirectory)).isEmpty();
        storage.discardJobDirectory();
        assertThat(fs.exists(jobDirectory)).isFalse();
    }

    /** Metadata of one operator with a keyed state file (above the threshold) and inline keyed state. */
    private CheckpointMetadata metadataWithState(CheckpointStorageLocation location, long id, CheckpointType type)
            throws IOException {
        StreamStateHandle file = stateIO.store(location.pointer(), bytes(THRESHOLD * 2, 7));
        StreamStateHandle inline = stateIO.store(location.pointer(), bytes(10, 8));
        OperatorSubtaskState subtask = new OperatorSubtaskState(List.of(
                new KeyGroupsStateHandle(0, 1, new long[] {0, 100}, file),
                new KeyGroupsStateHandle(2, 2, new long[] {0}, inline)), List.of());
        return new CheckpointMetadata(job, id, System.currentTimeMillis(), type,
                List.of(new OperatorState(new OperatorID(1, 2), 2, 8, Map.of(0, subtask))));
    }

    private static byte[] bytes(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + seed);
        }
        return data;
    }

    private byte[] readAll(Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return in.readAllBytes();
        }
    }

    private List<String> names(Path directory) throws IOException {
        return Arrays.stream(fs.listStatus(directory)).map(FileStatus::getPath).map(Path::getName).toList();
    }

    /** A local pointer also as a plain path; a remote one as it is (without a scheme it would mean fs.defaultFS). */
    private static String withoutScheme(String pointer) {
        return pointer.startsWith("file:") ? new Path(pointer).toUri().getPath() : pointer;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
