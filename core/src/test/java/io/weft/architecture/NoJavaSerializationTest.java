package io.weft.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production source of any module uses Java serialization: records, RPC messages, plans and metadata travel as
 * Avro or Weft's own serializers, so no byte stream from a peer can instantiate arbitrary classes.
 */
class NoJavaSerializationTest {
    private static final Pattern JAVA_SERIALIZATION = Pattern.compile(
            "\\bObject(Input|Output)Stream\\b|\\bimplements\\s+(java\\.io\\.)?Serializable\\b|\\bSerializationUtils\\b");

    @Test
    void noMainSourceOfAnyModuleUsesJavaSerialization() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))::iterator) {
                scanned++;
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (JAVA_SERIALIZATION.matcher(text).find()) {
                    offenders.add(root.relativize(f).toString());
                }
            }
        }
        assertThat(scanned).as("main sources found under %s", root).isGreaterThan(100);
        assertThat(offenders).as("main sources using Java serialization").isEmpty();
    }
}
