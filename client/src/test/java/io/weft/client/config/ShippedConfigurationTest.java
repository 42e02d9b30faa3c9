package io.weft.client.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.config.ConfigOption;
import io.weft.config.ConfigValidator;
import io.weft.config.Configuration;
import io.weft.config.GlobalConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code conf/weft-conf.yaml} documents every option with a default that loads (options without a default
 * with an example value that loads).
 */
class ShippedConfigurationTest {
    /** The project's conf directory, seen from the client module's directory (the tests' working directory). */
    private static final Path CONF_DIR = Path.of("..", "conf");
    private static final Pattern COMMENTED_ENTRY = Pattern.compile("^# ([A-Za-z0-9._-]+): ?(.*)$");

    @TempDir
    Path dir;

    @Test
    void everyKnownOptionIsDocumentedWithItsDefault() throws IOException {
        Set<String> documented = new HashSet<>();
        for (String line : Files.readAllLines(CONF_DIR.resolve("weft-conf.yaml"))) {
            Matcher m = COMMENTED_ENTRY.matcher(line);
            if (m.matches()) {
                documented.add(m.group(1));
            }
        }

        assertThat(documented).containsAll(ConfigValidator.knownOptions().keySet());
    }

    @Test
    void shippedFileLoadsWithoutErrors() {
        Configuration config = GlobalConfiguration.loadConfiguration(CONF_DIR);

        assertThat(config.toMap()).isEmpty();
    }

    @Test
    void shippedFileLoadsWithEveryDocumentedLineUncommented() throws IOException {
        List<String> uncommented = new ArrayList<>();
        int entries = 0;
        for (String line : Files.readAllLines(CONF_DIR.resolve("weft-conf.yaml"))) {
            Matcher m = COMMENTED_ENTRY.matcher(line);
            if (m.matches() && ConfigValidator.knownOptions().containsKey(m.group(1))) {
                uncommented.add(m.group(1) + ": " + m.group(2));
                entries++;
            } else {
                uncommented.add(line);
            }
        }
        Files.write(dir.resolve("weft-conf.yaml"), uncommented);

        Configuration config = GlobalConfiguration.loadConfiguration(dir);

        assertThat(config.toMap()).hasSize(entries).containsOnlyKeys(ConfigValidator.knownOptions().keySet());
        // an option without a default is documented with an example value, which must load too
        ConfigValidator.knownOptions().values().stream().filter(ConfigOption::hasDefaultValue).forEach(option ->
                assertThat((Object) config.get(option)).as(option.key()).isEqualTo(option.defaultValue()));
    }
}
