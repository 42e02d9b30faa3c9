package io.weft.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Builders for {@link ConfigOption}s, and the list of every options class, which defines the set of known keys.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigOptions {
    /** Every class that declares options; keys not declared in one of them are rejected. */
    public static final List<Class<?>> ALL_OPTION_CLASSES = List.of(
            CoreOptions.class, DeploymentOptions.class, TaskManagerOptions.class, RestartStrategyOptions.class,
            CheckpointingOptions.class, RestOptions.class,
            LocalOptions.class, RpcOptions.class, SecurityOptions.class, ClusterOptions.class,
            ShuffleOptions.class, MemoryOptions.class, YarnOptions.class);

    private ConfigOptions() {
    }

    public static ConfigOption<Integer> intOption(String key, Integer defaultValue, String description) {
        return new ConfigOption<>(key, "an integer", defaultValue, description, Integer::valueOf, String::valueOf);
    }

    /** An integer option whose values must lie in {@code [min, max]}. */
    public static ConfigOption<Integer> intOption(String key, Integer defaultValue, String description, int min,
            int max) {
        String range = max == Integer.MAX_VALUE ? "an integer of at least " + min
                : "an integer from " + min + " to " + max;
        return intOption(key, defaultValue, description).accepting(range, v -> v >= min && v <= max);
    }

    /** A TCP port, 0 meaning any free one. */
    public static ConfigOption<Integer> portOption(String key, Integer defaultValue, String description) {
        return intOption(key, defaultValue, description).accepting("a port from 0 to 65535 (0: any free port)",
                v -> v >= 0 && v <= 65535);
    }

    public static ConfigOption<Long> longOption(String key, Long defaultValue, String description) {
        return new ConfigOption<>(key, "an integer", defaultValue, description, Long::valueOf, String::valueOf);
    }

    public static ConfigOption<Double> doubleOption(String key, Double defaultValue, String description) {
        return new ConfigOption<>(key, "a number", defaultValue, description, Double::valueOf, String::valueOf);
    }

    public static ConfigOption<String> stringOption(String key, String defaultValue, String description) {
        return new ConfigOption<>(key, "a string", defaultValue, description, Function.identity(), Function.identity());
    }

    public static ConfigOption<Boolean> booleanOption(String key, Boolean defaultValue, String description) {
        return new ConfigOption<>(key, "true or false", defaultValue, description, ConfigOptions::parseBoolean,
                String::valueOf);
    }

    public static ConfigOption<Duration> durationOption(String key, Duration defaultValue, String description) {
        return new ConfigOption<>(key, "a duration such as 500 ms, 10 s, 5 min or 1 h", defaultValue, description,
                TimeUtils::parseDuration, TimeUtils::formatDuration);
    }

    public static ConfigOption<MemorySize> memoryOption(String key, MemorySize defaultValue, String description) {
        return new ConfigOption<>(key, "a memory size such as 64mb or 1g", defaultValue, description,
                MemorySize::parse, MemorySize::toString);
    }

    public static <E extends Enum<E>> ConfigOption<E> enumOption(String key, Class<E> type, E defaultValue,
            String description) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return new ConfigOption<>(key, "one of " + String.join(", ", names), defaultValue, description,
                s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_')),
                e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * An enum option written as the constants' own names ({@code EXACTLY_ONCE}), as Flink writes such values; read in
     * any case, with {@code -} for {@code _}.
     */
    public static <E extends Enum<E>> ConfigOption<E> enumConstantOption(String key, Class<E> type, E defaultValue,
            String description) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        return new ConfigOption<>(key, "one of " + String.join(", ", names), defaultValue, description,
                s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_')), Enum::name);
    }

    private static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean");
    }
}
