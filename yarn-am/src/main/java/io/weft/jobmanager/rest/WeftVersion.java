package io.weft.jobmanager.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Weft this JobManager runs, from a resource the build writes ({@code weft-version.properties}).
 *
 * <p>Read once; thread-safe.
 */
public final class WeftVersion {
    private static final String VERSION = load();

    private WeftVersion() {
    }

    /** Such as {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = WeftVersion.class.getResourceAsStream("weft-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("weft-version.properties is missing from the classpath: the "
                        + "weft-yarn-am jar is incomplete, rebuild it with 'mvn package'");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
