package io.weft.client.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.IllegalConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopConfDirTest {
    private static final String SITE = "<configuration><property><name>yarn.resourcemanager.address</name>"
            + "<value>127.0.0.1:18032</value></property></configuration>";

    @TempDir
    Path dir;

    @Test
    void whenNeitherVariableIsSet_thenOneLineNamesBoth() {
        assertThatThrownBy(() -> HadoopConfDir.find(Map.of())).isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("HADOOP_CONF_DIR").hasMessageContaining("YARN_CONF_DIR")
                .hasMessageNotContaining("\n");
    }

    @Test
    void whenYarnConfDirIsSet_thenItIsUsedAndItsSiteFilesLoaded() throws IOException {
        Files.writeString(dir.resolve("yarn-site.xml"), SITE);
        Files.writeString(dir.resolve("core-site.xml"), "<configuration/>");

        HadoopConfDir conf = HadoopConfDir.find(Map.of("YARN_CONF_DIR", dir.toString()));

        assertThat(conf.siteFiles()).containsExactly(dir.resolve("core-site.xml"), dir.resolve("yarn-site.xml"));
        assertThat(conf.load().get("yarn.resourcemanager.address")).isEqualTo("127.0.0.1:18032");
    }

    @Test
    void whenDirectoryHasNoYarnSite_thenRefused() {
        assertThatThrownBy(() -> HadoopConfDir.find(Map.of("HADOOP_CONF_DIR", dir.toString())))
                .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("no yarn-site.xml");
    }

    @Test
    void whenDirectoryDoesNotExist_thenRefused() {
        assertThatThrownBy(() -> HadoopConfDir.find(Map.of("HADOOP_CONF_DIR", dir.resolve("x").toString())))
                .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("not a directory");
    }
}
