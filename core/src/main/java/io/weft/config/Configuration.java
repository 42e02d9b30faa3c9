package io.weft.config;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of configuration values keyed by option key, held as text and parsed on read.
 *
 * <p>An option is read under its key, else under its {@linkplain ConfigOption#deprecatedKeys() deprecated keys};
 * reading a value under a deprecated key logs a warning, once per key and process.
 *
 * <p>Not thread-safe: build it on one thread, then hand out copies or treat it as read-only.
 */
public final class Configuration {
    private static final Logger LOG = LoggerFactory.getLogger(Configuration.class);
    /** Deprecated keys already warned about in this process. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private final Map<String, String> values = new TreeMap<>();

    public Configuration() {
    }

    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    /** A configuration holding the given textual values. */
    public static Configuration fromMap(Map<String, String> map) {
        Configuration c = new Configuration();
        c.values.putAll(map);
        return c;
    }

    /** The value of an option, or its default when unset (null for options without a default). */
    public <T> T get(ConfigOption<T> option) {
        String text = text(option);
        return text == null ? option.defaultValue() : option.parse(text);
    }

    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        String text = text(option);
        return text == null ? Optional.empty() : Optional.of(option.parse(text));
    }

    /** The value of the option's key, else of its first deprecated key that is set; null when none is. */
    private String text(ConfigOption<?> option) {
        String text = values.get(option.key());
        if (text != null) {
            return text;
        }
        for (String old : option.deprecatedKeys()) {
            text = values.get(old);
            if (text != null) {
                if (WARNED.add(old)) {
                    LOG.warn("Configuration key '{}' is deprecated: use '{}' instead", old, option.key());
                }
                return text;
            }
        }
        return null;
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), option.print(value));
        return this;
    }

    /** Sets a value by key as text; it is checked against the option when read, or by {@link ConfigValidator}. */
    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** Whether the option is set, under its key or a deprecated one. */
    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key()) || option.deprecatedKeys().stream().anyMatch(values::containsKey);
    }

    /** Adds every value of {@code other}, replacing values of the same keys. */
    public Configuration addAll(Configuration other) {
        values.putAll(other.values);
        return this;
    }

    /** The textual values, sorted by key. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
