package io.weft.checkpoint.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.JobID;
import io.weft.config.CheckpointingOptions;
import io.weft.config.Configuration;
import io.weft.runtime.checkpoint.CheckpointStorage;
import io.weft.runtime.checkpoint.CheckpointStorages;
import io.weft.runtime.checkpoint.MemoryCheckpointStorage;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CheckpointStorages} finds this module's factory through {@code META-INF/services}. */
class CheckpointStoragesDiscoveryTest {
    @TempDir
    java.nio.file.Path temp;

    @Test
    void aCheckpointDirectoryPicksTheFileSystemStorage() {
        Configuration config = new Configuration().set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, temp.toString());

        assertThat(CheckpointStorages.forJob(JobID.generate(), config)).isInstanceOf(FileSystemCheckpointStorage.class);
        assertThat(CheckpointStorages.stateIO(config)).isInstanceOf(FileSystemCheckpointStateIO.class);
    }

    @Test
    void withoutACheckpointDirectoryCheckpointsStayInMemoryButSavepointsAreFiles() throws IOException {
        Configuration config = new Configuration().set(CheckpointingOptions.SAVEPOINT_DIRECTORY, temp.toString());

        CheckpointStorage storage = CheckpointStorages.forJob(JobID.generate(), config);

        assertThat(storage).isInstanceOf(MemoryCheckpointStorage.class);
        assertThat(storage.initializeCheckpoint(1).pointer()).isEmpty();
        assertThat(storage.initializeSavepoint(2, null).pointer()).startsWith("file:" + temp + "/savepoint-");
        assertThat(CheckpointStorages.stateIO(config)).isInstanceOf(FileSystemCheckpointStateIO.class);
    }
}
