package io.weft.client.yarn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.weft.config.Configuration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the client's effective configuration into the {@code weft-conf.yaml} every container of the application
 * reads: flat {@code key: value} lines, sorted by key, without the {@code security.*} keys (secrets never travel
 * with an application). Stateless and thread-safe.
 */
public final class ShippedConfiguration {
    /** The prefix of keys that are never shipped. */
    public static final String SECRET_PREFIX = "security.";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private ShippedConfiguration() {
    }

    /** The values that are shipped: all but the {@code security.*} ones, sorted by key. */
    public static Map<String, String> shippedValues(Configuration config) {
        Map<String, String> values = new TreeMap<>(config.toMap());
        values.keySet().removeIf(k -> k.startsWith(SECRET_PREFIX));
        return values;
    }

    /** The YAML text of {@link #shippedValues}. */
    public static String toYaml(Configuration config) {
        Map<String, String> values = shippedValues(config);
        if (values.isEmpty()) {
            return "# no settings: every key has its default\n";
        }
        try {
            return YAML.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the configuration as YAML", e);
        }
    }
}
