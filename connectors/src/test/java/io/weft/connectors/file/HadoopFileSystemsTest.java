package io.weft.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopFileSystemsTest {
    @TempDir
    Path dir;

    @Test
    void theSiteFilesOfHadoopConfDirAreLoaded_thenYarnConfDirs_neverBoth() throws Exception {
        Path hadoop = siteDir("hadoop", "hdfs://hadoop-conf:8020");
        Path yarn = siteDir("yarn", "hdfs://yarn-conf:8020");
        assertThat(defaultFs(Map.of("HADOOP_CONF_DIR", hadoop.toString(), "YARN_CONF_DIR", yarn.toString())))
                .isEqualTo("hdfs://hadoop-conf:8020");
        assertThat(defaultFs(Map.of("YARN_CONF_DIR", yarn.toString()))).isEqualTo("hdfs://yarn-conf:8020");
        assertThat(defaultFs(Map.of("HADOOP_CONF_DIR", dir.resolve("missing").toString()))).isEqualTo("file:///");
        assertThat(defaultFs(Map.of())).isEqualTo("file:///");
    }

    @Test
    void remotePathsWithoutAClusterConfiguration_areToldToSetHadoopConfDir() {
        // the test classpath has no core-site.xml, and the build runs without HADOOP_CONF_DIR
        assertThat(HadoopFileSystems.fix("hdfs:///in", "check it")).startsWith("HADOOP_CONF_DIR is not set");
        assertThat(HadoopFileSystems.fix("/in", "check it")).isEqualTo("check it");
        assertThat(HadoopFileSystems.fix("file:///in", "check it")).isEqualTo("check it");
        assertThat(HadoopFileSystems.fix("a:b:c", "check it")).isEqualTo("check it");
    }

    private Path siteDir(String name, String defaultFs) throws Exception {
        Path site = Files.createDirectories(dir.resolve(name));
        Files.writeString(site.resolve("core-site.xml"), "<configuration><property><name>fs.defaultFS</name><value>"
                + defaultFs + "</value></property></configuration>");
        return site;
    }

    private static String defaultFs(Map<String, String> environment) {
        return HadoopFileSystems.withConfDir(new Configuration(false), environment).get("fs.defaultFS",
                "file:///");
    }
}
