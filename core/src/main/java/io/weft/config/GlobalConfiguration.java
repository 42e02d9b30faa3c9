package io.weft.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the cluster-wide configuration: {@code weft-conf.yaml} from the configuration directory, checked against
 * every declared option.
 *
 * <h2>Where the file is</h2>
 * The configuration directory is, in this order: the system property {@value #CONF_DIR_PROPERTY} (for tests and
 * embedding), the environment variable {@value #CONF_DIR_ENV}, or {@code <weft.home>/conf} where the system property
 * {@value #HOME_PROPERTY} is set by {@code scripts/weft}. A directory named explicitly must exist and hold
 * {@value #CONF_FILE} (a mistyped path must not mean silent defaults); in the installation's own directory a
 * missing file means "all defaults".
 *
 * <h2>Errors</h2>
 * Every problem is an {@link IllegalConfigurationException} with a one-line message naming the file, the line and
 * the fix: malformed YAML, a list value, an unknown key (with a "did you mean" hint) or a value that does not parse.
 *
 * <p>Stateless and thread-safe.
 */
public final class GlobalConfiguration {
    /** The name of the configuration file in the configuration directory. */
    public static final String CONF_FILE = "weft-conf.yaml";
    /** System property naming the configuration directory; wins over {@value #CONF_DIR_ENV}. */
    public static final String CONF_DIR_PROPERTY = "weft.conf.dir";
    /** Environment variable naming the configuration directory. */
    public static final String CONF_DIR_ENV = "WEFT_CONF_DIR";
    /** System property naming the installation directory, whose {@code conf} is the default directory. */
    public static final String HOME_PROPERTY = "weft.home";

    private static final Logger LOG = LoggerFactory.getLogger(GlobalConfiguration.class);

    private GlobalConfiguration() {
    }

    /**
     * Loads the configuration from the directory that the system properties and {@code environment} name.
     *
     * @param environment the process environment ({@link System#getenv()}, or a map in tests)
     * @return the file's values, or an empty configuration when there is no directory or no file
     * @throws IllegalConfigurationException for any problem with the directory or the file
     */
    public static Configuration loadConfiguration(Map<String, String> environment) {
        Optional<Path> dir = findConfDir(environment);
        if (dir.isEmpty()) {
            LOG.info("No configuration directory ({}, {} and {} are unset): using defaults", CONF_DIR_PROPERTY,
                    CONF_DIR_ENV, HOME_PROPERTY);
            return new Configuration();
        }
        boolean named = isSet(System.getProperty(CONF_DIR_PROPERTY)) || isSet(environment.get(CONF_DIR_ENV));
        if (named && !Files.isRegularFile(dir.get().resolve(CONF_FILE))) {
            String source = isSet(System.getProperty(CONF_DIR_PROPERTY)) ? "the system property "
                    + CONF_DIR_PROPERTY : CONF_DIR_ENV;
            throw new IllegalConfigurationException("The configuration directory " + dir.get() + " named by "
                    + source + " has no " + CONF_FILE + ": point " + source + " at a directory with one (such as the"
                    + " distribution's conf/), or unset it");
        }
        return loadConfiguration(dir.get());
    }

    /**
     * Loads {@value #CONF_FILE} from {@code confDir}.
     *
     * @return the file's values, or an empty configuration when the file does not exist
     * @throws IllegalConfigurationException for a malformed file, an unknown key or a value that does not parse
     */
    public static Configuration loadConfiguration(Path confDir) {
        Path file = confDir.resolve(CONF_FILE);
        if (!Files.exists(file)) {
            LOG.info("No {}: using defaults", file);
            return new Configuration();
        }
        Configuration config = new Configuration();
        for (YamlConfigReader.Entry entry : YamlConfigReader.read(file)) {
            validate(entry.key(), entry.value(), file + ", line " + entry.line());
            config.setString(entry.key(), entry.value());
        }
        LOG.info("Loaded {}: {}", file, config);
        return config;
    }

    /**
     * The configuration directory named by the system properties or {@code environment}.
     *
     * @throws IllegalConfigurationException when a directory is named explicitly but does not exist
     */
    public static Optional<Path> findConfDir(Map<String, String> environment) {
        String property = System.getProperty(CONF_DIR_PROPERTY);
        if (isSet(property)) {
            return Optional.of(existingDir(property, "the system property " + CONF_DIR_PROPERTY));
        }
        String env = environment.get(CONF_DIR_ENV);
        if (isSet(env)) {
            return Optional.of(existingDir(env, CONF_DIR_ENV));
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (isSet(home)) {
            return Optional.of(toPath(home, "the system property " + HOME_PROPERTY).resolve("conf"));
        }
        return Optional.empty();
    }

    /**
     * Checks one value against the declared options.
     *
     * @param origin where the value was written, for the message ({@code "-D"}, {@code "<file>, line 3"})
     * @throws IllegalConfigurationException for an unknown key (with a "did you mean" hint) or a value that does
     *     not parse, naming {@code origin}
     */
    public static void validate(String key, String value, String origin) {
        ConfigOption<?> option = ConfigValidator.optionFor(key);
        if (option == null) {
            // The validator words the message and finds the nearest known key.
            ConfigValidator.validate(Configuration.fromMap(Map.of(key, value)), origin);
            return;
        }
        try {
            option.parse(value);
        } catch (IllegalConfigurationException e) {
            throw new IllegalConfigurationException(e.getMessage() + " (in " + origin + ")");
        }
    }

    private static Path existingDir(String dir, String source) {
        Path path = toPath(dir, source);
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalConfigurationException(source + " names " + path + ", which is a file, not a directory:"
                    + " point it at the directory that holds " + CONF_FILE);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalConfigurationException("The configuration directory " + path + " named by " + source
                    + " does not exist: fix " + source + " or create the directory");
        }
        return path;
    }

    private static Path toPath(String dir, String source) {
        try {
            return Path.of(dir);
        } catch (InvalidPathException e) {
            throw new IllegalConfigurationException("'" + dir + "' named by " + source + " is not a valid path: "
                    + e.getReason());
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
