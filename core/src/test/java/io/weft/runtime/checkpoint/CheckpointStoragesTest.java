package io.weft.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobID;
import io.weft.config.CheckpointingOptions;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointStoragesTest {
    private final JobID job = JobID.generate();

    @Test
    void withoutADirectoryCheckpointsStayInTheJobManagersMemory() throws IOException {
        CheckpointStorage storage = CheckpointStorages.forJob(job, new Configuration());

        CheckpointStorageLocation location = storage.initializeCheckpoint(1);

        assertThat(storage.isDurable()).isFalse();
        assertThat(location.pointer()).isEmpty();
        assertThat(location.commitMetadata(new CheckpointMetadata(job, 1, 0, CheckpointType.CHECKPOINT, List.of())))
                .isEqualTo(MemoryCheckpointStorage.JOB_MANAGER_POINTER);
    }

    @Test
    void withoutAFileStorageSavepointsAreRefusedNamingTheKeys() {
        CheckpointStorage storage = CheckpointStorages.forJob(job, new Configuration());

        assertThatThrownBy(() -> storage.initializeSavepoint(2, "/tmp/savepoints"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weft-hdfs-checkpoint")
                .hasMessageContaining(CheckpointingOptions.SAVEPOINT_DIRECTORY.key())
                .hasMessageContaining(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
    }

    @Test
    void aCheckpointInMemoryCannotBeResolved() {
        CheckpointStorage storage = CheckpointStorages.forJob(job, new Configuration());

        assertThatThrownBy(() -> storage.resolve(MemoryCheckpointStorage.JOB_MANAGER_POINTER))
                .isInstanceOf(IOException.class).hasMessageContaining(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
    }

    @Test
    void aDirectoryWithoutAFactoryNamesTheMissingModule() {
        Configuration config = new Configuration().set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "hdfs:///c");

        assertThatThrownBy(() -> CheckpointStorages.forJob(job, config, List.of()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("execution.checkpointing.dir is hdfs:///c, but no checkpoint storage over file systems is"
                        + " on the classpath: add the weft-hdfs-checkpoint module, or unset the key to keep"
                        + " checkpoints in the JobManager's memory");
        assertThatThrownBy(() -> CheckpointStorages.stateIO(config, List.of()))
                .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("weft-hdfs-checkpoint");
    }

    @Test
    void memoryStateIsInlineWhateverItsSize() throws IOException {
        CheckpointStateIO io = CheckpointStorages.stateIO(new Configuration());
        byte[] large = new byte[1 << 20];
        large[5] = 9;

        StreamStateHandle handle = io.store("", large);

        assertThat(handle).isInstanceOf(StreamStateHandle.Inline.class);
        assertThat(io.read(handle)).isEqualTo(large);
        assertThatThrownBy(() -> io.read(new StreamStateHandle.File("hdfs:///c/x", 3)))
                .isInstanceOf(IOException.class).hasMessageContaining("hdfs:///c/x");
    }

    @Test
    void theMemoryThresholdIsFlinksAndCapped() {
        assertThat(new Configuration().get(CheckpointingOptions.MEMORY_THRESHOLD).bytes()).isEqualTo(20 * 1024);
        assertThatThrownBy(() -> Configuration.fromMap(java.util.Map.of("state.storage.fs.memory-threshold", "2mb"))
                .get(CheckpointingOptions.MEMORY_THRESHOLD)).hasMessageContaining("state.storage.fs.memory-threshold");
    }
}
