package io.weft.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.weft.api.FatalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretTest {
    @TempDir
    Path dir;

    @Test
    void writtenFileIsOwnerOnlyAndReadsBackTheSameSecret() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        ClusterSecret secret = ClusterSecret.generate();
        Path file = dir.resolve("conf").resolve("cluster-secret");

        secret.writeTo(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ClusterSecret.readFrom(file).toBase64()).isEqualTo(secret.toBase64());
    }

    @Test
    void rewritingReplacesTheSecretAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("cluster-secret");
        ClusterSecret.generate().writeTo(file);
        ClusterSecret second = ClusterSecret.generate();

        second.writeTo(file);

        assertThat(ClusterSecret.readFrom(file).toBase64()).isEqualTo(second.toBase64());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void generatedSecretsAre32RandomBytes() {
        byte[] first = Base64.getDecoder().decode(ClusterSecret.generate().toBase64());
        byte[] second = Base64.getDecoder().decode(ClusterSecret.generate().toBase64());

        assertThat(first).hasSize(ClusterSecret.LENGTH);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void environmentVariableCarriesTheSecret() {
        ClusterSecret secret = ClusterSecret.generate();

        assertThat(ClusterSecret.fromEnvironment(Map.of(ClusterSecret.ENV_VARIABLE, secret.toBase64())))
                .hasValueSatisfying(s -> assertThat(s.toBase64()).isEqualTo(secret.toBase64()));
        assertThat(ClusterSecret.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void secretOfTheWrongLengthIsRejectedNamingItsSource() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> ClusterSecret.fromEnvironment(Map.of(ClusterSecret.ENV_VARIABLE, tooShort)))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining(ClusterSecret.ENV_VARIABLE)
                .hasMessageContaining("16 bytes, expected 32");
        assertThatThrownBy(() -> ClusterSecret.fromBase64("not base64!"))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining("not valid base64");
    }

    @Test
    void missingFileIsReportedWithItsPathAndTheAlternative() {
        Path missing = dir.resolve("absent");

        assertThatThrownBy(() -> ClusterSecret.readFrom(missing))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(ClusterSecret.ENV_VARIABLE);
    }

    @Test
    void toStringDoesNotRevealTheSecret() {
        ClusterSecret secret = ClusterSecret.generate();

        assertThat(secret.toString()).doesNotContain(secret.toBase64());
    }

    @Test
    void hmacDependsOnSecretAndInput() {
        ClusterSecret secret = ClusterSecret.generate();
        byte[] a = "a".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "b".getBytes(StandardCharsets.US_ASCII);

        assertThat(secret.hmacSha256(a, b)).hasSize(32).isEqualTo(secret.hmacSha256(a, b))
                .isNotEqualTo(secret.hmacSha256(b, a))
                .isNotEqualTo(ClusterSecret.generate().hmacSha256(a, b));
    }
}
