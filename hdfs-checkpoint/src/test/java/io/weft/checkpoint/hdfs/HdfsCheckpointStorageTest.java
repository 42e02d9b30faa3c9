package io.weft.checkpoint.hdfs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The checkpoint storage on a real HDFS: one MiniDFSCluster (one DataNode, loopback only) for the class. */
class HdfsCheckpointStorageTest extends CheckpointStorageContract {
    private static final String LOOPBACK = "127.0.0.1";
    private static File dir;
    private static MiniDFSCluster dfs;

    @BeforeAll
    static void startHdfs() throws IOException {
        dir = Files.createTempDirectory("weft-hdfs-checkpoint").toFile();
        Configuration conf = new Configuration();
        conf.set("hadoop.tmp.dir", new File(dir, "tmp").getAbsolutePath());
        conf.setBoolean("dfs.permissions.enabled", false);
        conf.set("dfs.namenode.rpc-bind-host", LOOPBACK);
        conf.set("dfs.namenode.http-bind-host", LOOPBACK);
        conf.setInt("dfs.replication", 1);
        conf.setLong("dfs.blocksize", 1 << 20);
        dfs = new MiniDFSCluster.Builder(conf, new File(dir, "dfs")).numDataNodes(1).build();
        dfs.waitActive();
    }

    @AfterAll
    static void stopHdfs() {
        if (dfs != null) {
            dfs.shutdown(true);
        }
    }

    @Override
    String newBaseDirectory() {
        return dfs.getURI() + "/" + unique("test");
    }

    @Override
    FileSystem fileSystem() throws IOException {
        return dfs.getFileSystem();
    }
}
