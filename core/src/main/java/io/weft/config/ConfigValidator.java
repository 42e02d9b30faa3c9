package io.weft.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a configuration against every declared option: unknown keys are rejected with a "did you mean" hint,
 * and every value must parse.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigValidator {
    private static final Map<String, ConfigOption<?>> KNOWN = collect();
    /** The options by their deprecated keys. */
    private static final Map<String, ConfigOption<?>> DEPRECATED = deprecated();

    private ConfigValidator() {
    }

    /** Every declared option by key (deprecated keys not included). */
    public static Map<String, ConfigOption<?>> knownOptions() {
        return Collections.unmodifiableMap(KNOWN);
    }

    /** The option read under {@code key}, its own or a deprecated one; null when no option is. */
    public static ConfigOption<?> optionFor(String key) {
        ConfigOption<?> option = KNOWN.get(key);
        return option != null ? option : DEPRECATED.get(key);
    }

    /**
     * Validates all keys and values.
     *
     * @param origin where the values came from, for the message (a file name, "-D")
     * @throws IllegalConfigurationException naming the first bad key or value and the fix
     */
    public static void validate(Configuration config, String origin) {
        for (Map.Entry<String, String> e : config.toMap().entrySet()) {
            ConfigOption<?> option = optionFor(e.getKey());
            if (option == null) {
                String hint = closest(e.getKey());
                throw new IllegalConfigurationException("Unknown configuration key '" + e.getKey() + "' in " + origin
                        + (hint == null ? ": see conf/weft-conf.yaml for the supported keys"
                                : ": did you mean '" + hint + "'?"));
            }
            option.parse(e.getValue());
        }
    }

    /** The known key nearest to {@code key} by edit distance, or null when none is near. */
    static String closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : KNOWN.keySet()) {
            int d = editDistance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(3, key.length() / 3) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Map<String, ConfigOption<?>> deprecated() {
        Map<String, ConfigOption<?>> all = new TreeMap<>();
        for (ConfigOption<?> option : KNOWN.values()) {
            option.deprecatedKeys().forEach(old -> all.put(old, option));
        }
        return all;
    }

    private static Map<String, ConfigOption<?>> collect() {
        Map<String, ConfigOption<?>> all = new TreeMap<>();
        for (Class<?> c : ConfigOptions.ALL_OPTION_CLASSES) {
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                    try {
                        ConfigOption<?> o = (ConfigOption<?>) f.get(null);
                        all.put(o.key(), o);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("Cannot read option " + f, e);
                    }
                }
            }
        }
        return all;
    }
}
