package io.weft.config;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A set of configuration values keyed by option key, held as text and parsed on read.
 *
 * <p>Not thread-safe: build it on one thread, then hand out copies or treat it as read-only.
 */
public final class Configuration {
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
        String text = values.get(option.key());
        return text == null ? option.defaultValue() : option.parse(text);
    }

    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        String text = values.get(option.key());
        return text == null ? Optional.empty() : Optional.of(option.parse(text));
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

    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
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
