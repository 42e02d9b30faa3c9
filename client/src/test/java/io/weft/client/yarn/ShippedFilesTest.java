package io.weft.client.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.yarn.YarnLaunchSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedFilesTest {
    @TempDir
    Path dir;
    private Path distJar;
    private Path log;
    private Path coreSite;
    private Path yarnSite;
    private Path jobJar;

    @BeforeEach
    void files() throws IOException {
        distJar = Files.createFile(dir.resolve("weft-dist.jar"));
        log = Files.createFile(dir.resolve("log4j2.properties"));
        coreSite = Files.createFile(dir.resolve("core-site.xml"));
        yarnSite = Files.createFile(dir.resolve("yarn-site.xml"));
        jobJar = Files.createFile(dir.resolve("wordcount.jar"));
    }

    @Test
    void whenPerJob_thenEverythingGoesToTaskManagersButTheJobJar() {
        ShippedFiles plan = ShippedFiles.plan(new Configuration(), distJar, log, List.of(coreSite, yarnSite), jobJar);

        assertThat(plan.files()).containsExactly(
                new ShippedFiles.LocalFile(distJar, "weft-dist.jar", true),
                new ShippedFiles.LocalFile(log, YarnLaunchSpec.LOG_CONFIG_FILE_NAME, true),
                new ShippedFiles.LocalFile(coreSite, "core-site.xml", true),
                new ShippedFiles.LocalFile(yarnSite, "yarn-site.xml", true),
                new ShippedFiles.LocalFile(jobJar, "wordcount.jar", false));
        assertThat(plan.classpath()).containsExactly("weft-dist.jar");
        assertThat(plan.jobJarName()).isEqualTo("wordcount.jar");
    }

    @Test
    void whenSession_thenNoJobJar() {
        ShippedFiles plan = ShippedFiles.plan(new Configuration(), distJar, log, List.of(yarnSite), null);

        assertThat(plan.jobJarName()).isNull();
        assertThat(plan.files()).allMatch(ShippedFiles.LocalFile::forTaskManagers);
    }

    @Test
    void whenProvidedLibDirsHoldTheDistJar_thenItIsNotShipped() {
        ShippedFiles plan = ShippedFiles.plan(new Configuration(), null, log, List.of(yarnSite), jobJar);

        assertThat(plan.files()).extracting(ShippedFiles.LocalFile::name)
                .containsExactly(YarnLaunchSpec.LOG_CONFIG_FILE_NAME, "yarn-site.xml", "wordcount.jar");
        assertThat(plan.classpath()).isEmpty();
    }

    @Test
    void whenShipFilesAreGiven_thenJarsAndDirectoriesGoOnTheClasspath() throws IOException {
        Path udf = Files.createFile(dir.resolve("udf.jar"));
        Path data = Files.createFile(dir.resolve("lookup.csv"));
        Path libs = Files.createDirectory(dir.resolve("libs"));
        Configuration config = new Configuration().set(YarnOptions.SHIP_FILES, udf + "; " + data + ";" + libs + ";");

        ShippedFiles plan = ShippedFiles.plan(config, distJar, log, List.of(yarnSite), jobJar);

        assertThat(plan.files()).extracting(ShippedFiles.LocalFile::name)
                .containsExactly("weft-dist.jar", YarnLaunchSpec.LOG_CONFIG_FILE_NAME, "yarn-site.xml", "udf.jar",
                        "lookup.csv", "libs", "wordcount.jar");
        assertThat(plan.classpath()).containsExactly("weft-dist.jar", "udf.jar", "libs/*");
    }

    @Test
    void whenShipFileIsMissing_thenOneLineErrorNamesTheKey() {
        Configuration config = new Configuration().set(YarnOptions.SHIP_FILES, dir.resolve("nope.jar").toString());

        assertThatThrownBy(() -> ShippedFiles.plan(config, distJar, log, List.of(yarnSite), jobJar))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("yarn.ship-files").hasMessageContaining("nope.jar");
    }

    @Test
    void whenShipFileTakesAReservedName_thenRefused() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Path conf = Files.createFile(other.resolve("weft-conf.yaml"));
        Configuration config = new Configuration().set(YarnOptions.SHIP_FILES, conf.toString());

        assertThatThrownBy(() -> ShippedFiles.plan(config, distJar, log, List.of(yarnSite), jobJar))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("already called weft-conf.yaml");
    }

    @Test
    void whenJobJarHasTheNameOfAShippedFile_thenRefused() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Path udf = Files.createFile(other.resolve("wordcount.jar"));
        Configuration config = new Configuration().set(YarnOptions.SHIP_FILES, udf.toString());

        assertThatThrownBy(() -> ShippedFiles.plan(config, distJar, log, List.of(yarnSite), jobJar))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("the job jar");
    }
}
