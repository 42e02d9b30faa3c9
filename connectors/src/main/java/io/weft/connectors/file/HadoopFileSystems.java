package io.weft.connectors.file;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Resolves the Hadoop file system of a path and holds the naming rules shared by the file source and sink.
 *
 * <p>Stateless and thread-safe. The file systems it returns come from Hadoop's cache and are shared, so callers
 * close their streams but never the file system itself.
 */
final class HadoopFileSystems {
    /**
     * The Hadoop configuration from the classpath ({@code core-site.xml} and its defaults), parsed once: parsing
     * takes milliseconds, and every reader and writer needs it. Callers get copies, which are cheap.
     */
    private static final Configuration HADOOP_CONFIGURATION = loaded(new Configuration());

    private HadoopFileSystems() {
    }

    /**
     * The file system that holds {@code path}: the scheme of the path decides, and a path without one uses
     * {@code fs.defaultFS} (the local file system unless a Hadoop configuration on the classpath says otherwise).
     * For local paths this is the raw local file system: the checksummed one would write {@code .crc} side files
     * next to every output and check them on every read, which a plain text file does not need.
     */
    static FileSystem resolve(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(new Configuration(HADOOP_CONFIGURATION));
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    private static Configuration loaded(Configuration configuration) {
        // Forces the lazy parse now, so that copies start from parsed properties.
        configuration.size();
        return configuration;
    }

    /** Whether a file name counts as data: names starting with '.' or '_' are hidden (in-progress, markers). */
    static boolean isVisible(String name) {
        return !name.startsWith(".") && !name.startsWith("_");
    }

    /** The first line of an exception's message (or its class name), for one-line error messages. */
    static String reason(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
