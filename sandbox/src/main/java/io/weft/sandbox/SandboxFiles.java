package io.weft.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The files through which the sandbox tells scripts and clients about itself, written by the sandbox's main thread
 * only: {@code conf/core-site.xml}, {@code conf/hdfs-site.xml} and {@code conf/yarn-site.xml} (HADOOP_CONF_DIR),
 * {@code sandbox.properties} (the addresses, for {@code weft-sandbox status}) and the {@code READY} marker, all in
 * the sandbox directory.
 *
 * <p>Every file is written to a temporary file in the same directory and renamed into place, so a reader
 * never sees half a file; {@code READY} is written last, after the others. Not thread-safe.
 */
final class SandboxFiles {
    static final String READY = "READY";
    static final String PROPERTIES = "sandbox.properties";
    static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml");

    private final Path dir;

    SandboxFiles(Path dir) {
        this.dir = dir;
    }

    Path confDir() {
        return dir.resolve("conf");
    }

    /** Removes a {@code READY} marker a previous run may have left. */
    void clearReady() throws IOException {
        Files.deleteIfExists(dir.resolve(READY));
    }

    /**
     * Writes the configuration, in full, as each of the three site files: each file is then complete whichever
     * of Hadoop's default files ({@code yarn-default.xml}, {@code hdfs-default.xml}) a client loads after it.
     */
    void writeConf(Configuration conf) throws IOException {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        conf.writeXml(xml);
        Files.createDirectories(confDir());
        for (String name : SITE_FILES) {
            writeAtomically(confDir().resolve(name), xml.toByteArray());
        }
    }

    /** Writes {@code sandbox.properties}, one {@code key=value} a line in the given order, then {@code READY}. */
    void writeReady(Map<String, String> addresses) throws IOException {
        StringBuilder text = new StringBuilder("# The addresses of the running sandbox; see also conf/\n");
        addresses.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        writeAtomically(dir.resolve(PROPERTIES), text.toString().getBytes(StandardCharsets.UTF_8));
        writeAtomically(dir.resolve(READY), ("pid=" + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            out.write(content);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
