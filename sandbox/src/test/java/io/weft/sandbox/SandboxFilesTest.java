package io.weft.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SandboxFiles}: what clients and scripts read of a running sandbox, written whole or not at all. */
class SandboxFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeConf_writesTheWholeConfigurationAsEachSiteFile_andLeavesNoTemporaryFile() throws Exception {
        Configuration conf = new Configuration(false);
        conf.set("fs.defaultFS", "hdfs://localhost:12345");
        conf.set("yarn.resourcemanager.address", "localhost:23456");
        SandboxFiles files = new SandboxFiles(dir);

        files.writeConf(conf);
        files.writeConf(conf);

        for (String name : SandboxFiles.SITE_FILES) {
            Configuration read = new Configuration(false);
            read.addResource(files.confDir().resolve(name).toUri().toURL());
            assertThat(read.get("fs.defaultFS")).as(name).isEqualTo("hdfs://localhost:12345");
            assertThat(read.get("yarn.resourcemanager.address")).as(name).isEqualTo("localhost:23456");
        }
        try (Stream<Path> listing = Files.list(files.confDir())) {
            assertThat(listing.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(SandboxFiles.SITE_FILES);
        }
    }

    @Test
    void writeReady_writesTheAddressesThenTheMarker_andClearReadyRemovesOnlyTheMarker() throws Exception {
        SandboxFiles files = new SandboxFiles(dir);
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("hdfs", "hdfs://localhost:12345");
        addresses.put("zookeeper", "127.0.0.1:2181");

        files.writeReady(addresses);

        assertThat(dir.resolve(SandboxFiles.PROPERTIES)).content()
                .contains("hdfs=hdfs://localhost:12345\nzookeeper=127.0.0.1:2181\n");
        assertThat(dir.resolve(SandboxFiles.READY)).content().startsWith("pid=" + ProcessHandle.current().pid());
        files.clearReady();
        assertThat(dir.resolve(SandboxFiles.READY)).doesNotExist();
        assertThat(dir.resolve(SandboxFiles.PROPERTIES)).exists();
        files.clearReady();
    }
}
