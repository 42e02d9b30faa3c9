package io.weft.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A typed, defaulted and documented configuration key.
 *
 * <p>Immutable and thread-safe. Options are declared as constants in one options class per area (see
 * {@link ConfigOptions#ALL_OPTION_CLASSES}).
 *
 * @param <T> the value type
 */
public final class ConfigOption<T> {
    private final String key;
    private final String typeName;
    private final T defaultValue;
    private final String description;
    private final Function<String, T> parser;
    private final Function<T, String> printer;
    private final List<String> deprecatedKeys;

    ConfigOption(String key, String typeName, T defaultValue, String description, Function<String, T> parser,
            Function<T, String> printer) {
        this(key, typeName, defaultValue, description, parser, printer, List.of());
    }

    private ConfigOption(String key, String typeName, T defaultValue, String description, Function<String, T> parser,
            Function<T, String> printer, List<String> deprecatedKeys) {
        this.key = Objects.requireNonNull(key);
        this.typeName = typeName;
        this.defaultValue = defaultValue;
        this.description = description;
        this.parser = parser;
        this.printer = printer;
        this.deprecatedKeys = List.copyOf(deprecatedKeys);
    }

    public String key() {
        return key;
    }

    /**
     * Older names of this option (Flink 1's, say), still read when {@link #key()} is unset, with a deprecation
     * warning logged once per process; the first one set wins.
     */
    public List<String> deprecatedKeys() {
        return deprecatedKeys;
    }

    /** This option, also read under the older names {@code keys} (see {@link #deprecatedKeys()}). */
    public ConfigOption<T> withDeprecatedKeys(String... keys) {
        return new ConfigOption<>(key, typeName, defaultValue, description, parser, printer, List.of(keys));
    }

    /** What a value looks like, for error messages and documentation ("an integer", "a duration like 10 s"). */
    public String typeName() {
        return typeName;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public String description() {
        return description;
    }

    /**
     * Parses a textual value.
     *
     * @throws IllegalConfigurationException naming the key, the value and the expected form
     */
    public T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
            throw new IllegalConfigurationException(
                    "Invalid value '" + text + "' for '" + key + "': expected " + typeName + detail);
        }
    }

    /**
     * This option accepting only the values {@code valid} holds for; {@link #parse} refuses others naming the key,
     * the value and {@code typeName}.
     *
     * @param typeName what a valid value looks like ("an integer from 0 to 65535")
     */
    public ConfigOption<T> accepting(String typeName, Predicate<T> valid) {
        return new ConfigOption<>(key, typeName, defaultValue, description, text -> {
            T value = parser.apply(text);
            if (!valid.test(value)) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        }, printer, deprecatedKeys);
    }

    /** The textual form of a value, such that {@code parse(print(v))} equals v. */
    public String print(T value) {
        return printer.apply(value);
    }

    @Override
    public String toString() {
        return key;
    }
}
