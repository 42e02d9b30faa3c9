package io.weft.checkpoint.hdfs;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Builds the Hadoop configuration of checkpoint storage and resolves the file system of a checkpoint path.
 *
 * <p>The configuration is Hadoop's defaults and the {@code core-site.xml} on the classpath, then {@code core-site.xml}
 * and {@code hdfs-site.xml} of {@code HADOOP_CONF_DIR} (else {@code YARN_CONF_DIR}), then every key of the job's
 * configuration that starts with {@value #HADOOP_KEY_PREFIX}, without that prefix (Flink's {@code flink.hadoop.*}),
 * so that {@code hdfs:///…} and paths without a scheme mean the cluster's file system, as for Hadoop's own tools.
 *
 * <p>Stateless and thread-safe. File systems come from Hadoop's cache and are shared: callers close their streams,
 * never the file system.
 */
final class CheckpointFileSystems {
    /** Job configuration keys with this prefix are passed to Hadoop without it. */
    static final String HADOOP_KEY_PREFIX = "weft.hadoop.";
    private static final List<String> CONF_DIR_VARIABLES = List.of("HADOOP_CONF_DIR", "YARN_CONF_DIR");
    private static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml");
    /** Parsed once: parsing takes milliseconds and every storage needs it; copies are cheap. */
    private static final Configuration ENVIRONMENT = parsed(withConfDir(new Configuration(), System.getenv()));

    private CheckpointFileSystems() {
    }

    /** The Hadoop configuration for a job with {@code job} configuration. */
    static Configuration hadoopConfiguration(io.weft.config.Configuration job) {
        Configuration configuration = new Configuration(ENVIRONMENT);
        job.toMap().forEach((key, value) -> {
            if (key.startsWith(HADOOP_KEY_PREFIX)) {
                configuration.set(key.substring(HADOOP_KEY_PREFIX.length()), value);
            }
        });
        return configuration;
    }

    /**
     * The file system of {@code path}; for local paths the raw local file system (the checksummed one would write a
     * {@code .crc} side file next to every state file and {@code _metadata}).
     *
     * @throws IOException naming the path, the cause and the fix when the file system cannot be reached
     */
    static FileSystem of(Path path, Configuration configuration) throws IOException {
        try {
            FileSystem fs = path.getFileSystem(configuration);
            return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
        } catch (IOException | RuntimeException e) {
            throw new IOException("The file system of checkpoint path " + path + " cannot be used: " + reason(e)
                    + "; " + hint(path, configuration), e);
        }
    }

    /**
     * The fix to suggest when {@code path} cannot be used: to set {@code HADOOP_CONF_DIR} for a remote path when no
     * cluster configuration was found, else to check the path and the file system.
     */
    static String hint(Path path, Configuration configuration) {
        String scheme = path.toUri().getScheme();
        boolean remote = scheme != null && !scheme.equals("file");
        boolean unconfigured = configuration.get(FileSystem.FS_DEFAULT_NAME_KEY, "file:///").startsWith("file:");
        return remote && unconfigured
                ? "HADOOP_CONF_DIR is not set: point it at the directory of the cluster's core-site.xml and"
                        + " hdfs-site.xml"
                : "check that the path is right and its file system is up";
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

    private static Configuration parsed(Configuration configuration) {
        configuration.size();
        return configuration;
    }
}
