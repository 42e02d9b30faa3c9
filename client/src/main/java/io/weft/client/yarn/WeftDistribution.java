package io.weft.client.yarn;

import io.weft.config.GlobalConfiguration;
import io.weft.config.IllegalConfigurationException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;

/**
 * Where the running Weft client's files are: {@code weft-dist.jar}, which the client uploads for the containers, and
 * the {@code conf/} directory with {@code log4j2.properties}. Works from {@code bin/weft} (the jar on the classpath,
 * {@code weft.home} set) and from {@code yarn jar lib/weft-dist.jar} (Hadoop's RunJar, which may load the classes
 * from a directory it unpacked the jar into: then the jar named on the command line, {@code sun.java.command}, or
 * {@code WEFT_HOME} tells). Immutable.
 *
 * @param distJar the distribution jar
 * @param home the installation directory ({@code lib/}'s parent)
 */
public record WeftDistribution(Path distJar, Path home) {
    /** The name of the distribution jar. */
    public static final String DIST_JAR = "weft-dist.jar";

    /**
     * Locates the distribution of the running client.
     *
     * @throws IllegalConfigurationException when no {@code weft-dist.jar} can be found
     */
    public static WeftDistribution locate(Map<String, String> environment) {
        Optional<Path> jar = fromCodeSource()
                .or(() -> fromCommandLine(System.getProperty("sun.java.command", "")))
                .or(() -> fromHome(System.getProperty(GlobalConfiguration.HOME_PROPERTY)))
                .or(() -> fromHome(environment.get("WEFT_HOME")));
        Path distJar = jar.orElseThrow(() -> new IllegalConfigurationException("Cannot find " + DIST_JAR
                + " to ship to YARN: run the client from a Weft distribution (bin/weft) or set WEFT_HOME"));
        Path lib = distJar.getParent();
        Path home = lib != null && lib.getParent() != null ? lib.getParent() : lib;
        return new WeftDistribution(distJar, home);
    }

    /**
     * The distribution of the running client, or — when its jar cannot be found, as with
     * {@code yarn.provided.lib.dirs} it need not be — the installation {@code weft.home} or {@code WEFT_HOME} names,
     * without a jar.
     */
    public static WeftDistribution locateOrHome(Map<String, String> environment) {
        try {
            return locate(environment);
        } catch (IllegalConfigurationException e) {
            String home = System.getProperty(GlobalConfiguration.HOME_PROPERTY, environment.get("WEFT_HOME"));
            if (home == null || home.isBlank()) {
                throw e;
            }
            return new WeftDistribution(null, Path.of(home).toAbsolutePath().normalize());
        }
    }

    /**
     * The {@code log4j2.properties} the containers log with: the one of the configuration directory the client
     * uses, else the distribution's.
     */
    public Path logConfig(Map<String, String> environment) {
        Optional<Path> confDir = GlobalConfiguration.findConfDir(environment);
        if (confDir.isPresent() && Files.isRegularFile(confDir.get().resolve("log4j2.properties"))) {
            return confDir.get().resolve("log4j2.properties");
        }
        Path shipped = home.resolve("conf").resolve("log4j2.properties");
        if (!Files.isRegularFile(shipped)) {
            throw new IllegalConfigurationException("Cannot find log4j2.properties for the containers in "
                    + home.resolve("conf") + ": put one into WEFT_CONF_DIR or restore the distribution's conf/");
        }
        return shipped;
    }

    /** The jar this class was loaded from, when it was loaded from a file named {@value #DIST_JAR}. */
    public static Optional<Path> fromCodeSource() {
        CodeSource source = WeftDistribution.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return isDistJar(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first word of a command line that names an existing {@value #DIST_JAR} (RunJar's jar argument). */
    public static Optional<Path> fromCommandLine(String command) {
        for (String word : command.split(" ")) {
            if (word.endsWith(DIST_JAR)) {
                Optional<Path> jar = isDistJar(Path.of(word));
                if (jar.isPresent()) {
                    return jar;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code <home>/lib/weft-dist.jar} or, in the repository, {@code <home>/dist/target/weft/lib/weft-dist.jar}. */
    static Optional<Path> fromHome(String home) {
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        return isDistJar(Path.of(home, "lib", DIST_JAR))
                .or(() -> isDistJar(Path.of(home, "dist", "target", "weft", "lib", DIST_JAR)));
    }

    private static Optional<Path> isDistJar(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.getFileName() != null && absolute.getFileName().toString().equals(DIST_JAR)
                && Files.isRegularFile(absolute) ? Optional.of(absolute) : Optional.empty();
    }
}
