package io.weft.client.yarn;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.YarnOptions;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The YARN properties file, {@code <yarn.properties-file.location or java.io.tmpdir>/.yarn-properties-<user>}, as
 * Flink names it: {@code yarn-session.sh} writes the running session's {@code applicationID} into it, and
 * {@code -t yarn-session} commands read it when no id is given. Written atomically (a temporary file renamed over
 * it). Immutable; safe to use from any thread, but concurrent writers race (the last rename wins).
 *
 * @param path the file
 */
public record YarnPropertiesFile(Path path) {
    /** The key of the session's application id, as Flink writes it. */
    public static final String APPLICATION_ID = "applicationID";

    /** The file of the current user in the configured directory. */
    public static YarnPropertiesFile of(Configuration config) {
        String location = config.get(YarnOptions.PROPERTIES_FILE_LOCATION);
        Path dir = Path.of(location.isBlank() ? System.getProperty("java.io.tmpdir") : location);
        return new YarnPropertiesFile(dir.resolve(".yarn-properties-" + System.getProperty("user.name")));
    }

    /** The application id the file holds, or empty when there is no file or no id in it. */
    public Optional<String> applicationId() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalConfigurationException("Cannot read the YARN properties file " + path + " ("
                    + e.getMessage() + "): delete it, or give the session's id with -id APP_ID");
        }
        String id = properties.getProperty(APPLICATION_ID);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.trim());
    }

    /** Writes {@code applicationID=id}, replacing the file atomically. */
    public void write(String applicationId) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            Properties properties = new Properties();
            properties.setProperty(APPLICATION_ID, applicationId);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "The running Weft YARN session (yarn-session.sh)");
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes the file if it names {@code applicationId}; returns whether it did. */
    public boolean deleteIfFor(String applicationId) throws IOException {
        Optional<String> current;
        try {
            current = applicationId();
        } catch (IllegalConfigurationException unreadable) {
            return false;
        }
        return current.isPresent() && current.get().equals(applicationId) && Files.deleteIfExists(path);
    }
}
