package io.weft.connectors.file;

import io.weft.api.InvalidProgramException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Resolves the Hadoop file system of a path and holds the naming rules shared by the file source and sink.
 *
 * <p>The Hadoop configuration is Hadoop's defaults, the {@code core-site.xml} on the classpath (YARN containers
 * have the cluster's there), then {@code core-site.xml} and {@code hdfs-site.xml} of {@code HADOOP_CONF_DIR}
 * (else {@code YARN_CONF_DIR}) when the environment names one — so that on an edge node {@code hdfs:///…} and
 * paths without a scheme mean the cluster's file system, as they do for Hadoop's own tools.
 *
 * <p>Stateless and thread-safe. The file systems it returns come from Hadoop's cache and are shared, so callers
 * close their streams but never the file system itself.
 */
final class HadoopFileSystems {
    /** The longest name of a file or directory, in bytes, on Linux file systems and HDFS (by default). */
    static final int MAX_NAME_BYTES = 255;
    private static final List<String> CONF_DIR_VARIABLES = List.of("HADOOP_CONF_DIR", "YARN_CONF_DIR");
    private static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml");
    /**
     * The Hadoop configuration from the classpath ({@code core-site.xml} and its defaults), parsed once: parsing
     * takes milliseconds, and every reader and writer needs it. Callers get copies, which are cheap.
     */
    private static final Configuration HADOOP_CONFIGURATION = loaded(withConfDir(new Configuration(),
            System.getenv()));

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

    /**
     * {@code configuration} with the file-system site files of the first configuration directory that
     * {@code environment} names added (missing files are skipped).
     */
    static Configuration withConfDir(Configuration configuration, Map<String, String> environment) {
        for (String variable : CONF_DIR_VARIABLES) {
            String dir = environment.get(variable);
            if (dir != null && !dir.isBlank()) {
                for (String file : SITE_FILES) {
                    java.nio.file.Path site = java.nio.file.Path.of(dir, file);
                    if (Files.isRegularFile(site)) {
                        configuration.addResource(new Path(site.toAbsolutePath().toUri()));
                    }
                }
                break;
            }
        }
        return configuration;
    }

    /**
     * The fix to suggest when {@code path} cannot be read or written: for a path of a remote file system
     * ({@code hdfs://…}) when no Hadoop cluster configuration was found, to set {@code HADOOP_CONF_DIR};
     * otherwise {@code fallback}.
     */
    static String fix(String path, String fallback) {
        String scheme;
        try {
            scheme = new Path(path).toUri().getScheme();
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        boolean remote = scheme != null && !scheme.equals("file");
        boolean unconfigured = HADOOP_CONFIGURATION.get(FileSystem.FS_DEFAULT_NAME_KEY, "file:///")
                .startsWith("file:");
        return remote && unconfigured
                ? "HADOOP_CONF_DIR is not set: point it at the directory of the cluster's core-site.xml and"
                        + " hdfs-site.xml"
                : fallback;
    }

    /**
     * Refuses a path with a name longer than {@value #MAX_NAME_BYTES} bytes, which no file system here can hold
     * (the operating system would say "File name too long", Hadoop only "false").
     *
     * @param role how the message names the path: "Input path", "Output path"
     * @throws InvalidProgramException naming the path, the name's length and the fix
     */
    static void checkNameLengths(Path qualified, String role) {
        for (Path p = qualified; p != null && !p.isRoot(); p = p.getParent()) {
            int bytes = p.getName().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                String start = p.getName().substring(0, Math.min(16, p.getName().length()));
                throw new InvalidProgramException(role + " " + qualified + " has a name of " + bytes + " bytes ('"
                        + start + "…'), more than the " + MAX_NAME_BYTES + " a file or directory name may have:"
                        + " choose a shorter name");
            }
        }
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
