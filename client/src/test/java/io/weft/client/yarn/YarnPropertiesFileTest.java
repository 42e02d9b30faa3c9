package io.weft.client.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.YarnOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RestToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YarnPropertiesFileTest {
    private static final RestToken TOKEN = RestToken.of(ClusterSecret.generate());
    @TempDir
    Path dir;

    private YarnPropertiesFile file() {
        return YarnPropertiesFile.of(new Configuration().set(YarnOptions.PROPERTIES_FILE_LOCATION, dir.toString()));
    }

    @Test
    void whenLocationIsSet_thenFileIsNamedAfterTheUserInIt() {
        assertThat(file().path()).isEqualTo(dir.resolve(".yarn-properties-" + System.getProperty("user.name")));
    }

    @Test
    void whenLocationIsUnset_thenFileIsInTheTempDir() {
        assertThat(YarnPropertiesFile.of(new Configuration()).path().getParent())
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void whenWritten_thenApplicationIdReadsBackAndNoTemporaryFileRemains() throws IOException {
        file().write("application_1700000000000_0007", TOKEN);

        assertThat(file().applicationId()).contains("application_1700000000000_0007");
        assertThat(Files.readString(file().path())).contains("applicationID=application_1700000000000_0007");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file().path());
        }
    }

    @Test
    void whenWritten_thenTheFileIsOwnerOnlyAndHoldsTheTokenOfThatApplicationOnly() throws IOException {
        file().write("application_1_0001", TOKEN);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().path()))).isEqualTo("rw-------");
        assertThat(file().restTokenFor("application_1_0001")).hasValueSatisfying(t -> assertThat(t.value())
                .isEqualTo(TOKEN.value()));
        assertThat(file().restTokenFor("application_1_0002")).isEmpty();
        assertThat(Files.readString(file().path())).doesNotContain(ClusterSecret.ENV_VARIABLE);
    }

    @Test
    void whenWrittenAgain_thenTheNewIdReplacesTheOld() throws IOException {
        file().write("application_1_0001", TOKEN);
        file().write("application_1_0002", TOKEN);

        assertThat(file().applicationId()).contains("application_1_0002");
    }

    @Test
    void whenNoFile_thenNoId() {
        assertThat(file().applicationId()).isEmpty();
    }

    @Test
    void whenFileNamesAnotherApplication_thenDeleteIfForKeepsIt() throws IOException {
        file().write("application_1_0001", TOKEN);

        assertThat(file().deleteIfFor("application_1_0002")).isFalse();
        assertThat(file().path()).exists();
        assertThat(file().deleteIfFor("application_1_0001")).isTrue();
        assertThat(file().path()).doesNotExist();
    }

    @Test
    void whenFileIsMalformed_thenOneLineErrorNamesIt() throws IOException {
        Files.writeString(file().path(), "applicationID=\\u12");

        assertThatThrownBy(() -> file().applicationId()).isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(file().path().toString()).hasMessageNotContaining("\n");
    }
}
