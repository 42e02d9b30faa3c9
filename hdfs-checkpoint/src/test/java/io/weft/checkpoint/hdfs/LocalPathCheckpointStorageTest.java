package io.weft.checkpoint.hdfs;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint storage on a local directory given as a plain path ({@code /tmp/…}). */
class LocalPathCheckpointStorageTest extends CheckpointStorageContract {
    @TempDir
    java.nio.file.Path temp;

    @Override
    String newBaseDirectory() {
        return temp.toAbsolutePath().toString();
    }

    @Override
    FileSystem fileSystem() throws IOException {
        return CheckpointFileSystems.of(new Path("file:///"), new org.apache.hadoop.conf.Configuration());
    }
}
