package io.weft.jobmanager.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobID;
import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    @TempDir
    Path dir;

    private BlobStore store() {
        return BlobStore.create(new Configuration().set(ClusterOptions.BLOB_STORAGE_DIRECTORY, dir.toString()));
    }

    @Test
    void aStoredJarIsReadInChunksAndGoneAfterDelete() throws Exception {
        byte[] content = new byte[2500];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path jar = Files.write(dir.resolve("job.jar"), content);
        JobID job = JobID.generate();
        try (BlobStore blobs = store()) {
            String key = blobs.put(job, jar);
            assertThat(key).isEqualTo(job.toString());
            ByteBuffer all = ByteBuffer.allocate(content.length);
            for (long offset = 0; offset < content.length; ) {
                BlobStore.Chunk chunk = blobs.read(key, offset, 1000);
                assertThat(chunk.totalLength()).isEqualTo(content.length);
                offset += chunk.data().remaining();
                all.put(chunk.data());
            }
            assertThat(all.array()).isEqualTo(content);
            blobs.delete(key);
            assertThatThrownBy(() -> blobs.read(key, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("its job ended or was never submitted");
        }
    }

    @Test
    void keysThatAreNotJobIdsAndRangesOutsideTheBlobAreRefused() throws Exception {
        try (BlobStore blobs = store()) {
            String key = blobs.put(JobID.generate(), Files.write(dir.resolve("a.jar"), new byte[10]));
            assertThatThrownBy(() -> blobs.read("../../etc/passwd", 0, 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Malformed blob key");
            assertThatThrownBy(() -> blobs.read(key, 11, 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("beyond blob");
            assertThatThrownBy(() -> blobs.read(key, -1, 10)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> blobs.read(key, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void jarsLeftByAnEarlierJobManagerAreDeletedAtStart() throws Exception {
        Path leftover;
        try (BlobStore first = store()) {
            first.put(JobID.generate(), Files.write(dir.resolve("b.jar"), new byte[3]));
            try (var files = Files.list(first.directory())) {
                leftover = files.findFirst().orElseThrow();
            }
        }
        assertThat(leftover).exists();
        try (BlobStore second = store()) {
            assertThat(leftover).doesNotExist();
        }
    }

    @Test
    void aStoreInATemporaryDirectoryRemovesItOnClose() {
        BlobStore blobs = BlobStore.create(new Configuration());
        Path created = blobs.directory();
        assertThat(created).isDirectory();
        blobs.close();
        assertThat(created).doesNotExist();
    }
}
