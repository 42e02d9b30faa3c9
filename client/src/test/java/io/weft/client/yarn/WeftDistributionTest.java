package io.weft.client.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeftDistributionTest {
    @TempDir
    Path dir;

    @Test
    void whenRunJarStartedTheClient_thenTheJarComesFromTheCommandLine() throws IOException {
        Path jar = Files.createFile(Files.createDirectories(dir.resolve("lib")).resolve("weft-dist.jar"));

        assertThat(WeftDistribution.fromCommandLine("org.apache.hadoop.util.RunJar " + jar + " run -t yarn-per-job"))
                .contains(jar);
        assertThat(WeftDistribution.fromCommandLine("org.apache.hadoop.util.RunJar /nowhere/weft-dist.jar run"))
                .isEmpty();
    }

    @Test
    void whenHomeIsADistributionOrTheRepository_thenItsJarIsFound() throws IOException {
        Path jar = Files.createFile(Files.createDirectories(dir.resolve("lib")).resolve("weft-dist.jar"));
        Path repo = dir.resolve("repo");
        Path built = Files.createFile(Files.createDirectories(repo.resolve("dist/target/weft/lib"))
                .resolve("weft-dist.jar"));

        assertThat(WeftDistribution.fromHome(dir.toString())).contains(jar);
        assertThat(WeftDistribution.fromHome(repo.toString())).contains(built);
        assertThat(WeftDistribution.fromHome(null)).isEmpty();
    }
}
