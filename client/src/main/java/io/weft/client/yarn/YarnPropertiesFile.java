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
import io.weft.runtime.rpc.RestToken;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The YARN properties file, {@code <yarn.properties-file.location or java.io.tmpdir>/.yarn-properties-<user>}, as
 * Flink names it: {@code yarn-session.sh} writes the running session's {@code applicationID} (and its REST token, so the file
 * is owner-only) into it, and
 * {@code -t yarn-session} commands read it when no id is given. Written atomically (a temporary file renamed over
 * it). Immutable; safe to use from any thread, but concurrent writers race (the last rename wins).
 *
 * @param path the file
 */
public record YarnPropertiesFile(Path path) {
    /** The key of the session's application id, as Flink writes it. */
    public static final String APPLICATION_ID = "applicationID";
    /** The key of the session's REST token: the file is readable by its owner only. */
    static final String REST_TOKEN = "restToken";

    /** The file of the current user in the configured directory. */
    public static YarnPropertiesFile of(Configuration config) {
        String location = config.get(YarnOptions.PROPERTIES_FILE_LOCATION);
        Path dir = Path.of(location.isBlank() ? System.getProperty("java.io.tmpdir") : location);
        return new YarnPropertiesFile(dir.resolve(".yarn-properties-" + System.getProperty("user.name")));
    }

    /** The application id the file holds, or empty when there is no file or no id in it. */
    public Optional<String> applicationId() {
        String id = load().getProperty(APPLICATION_ID);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.trim());
    }

    /** The REST token the file records for {@code applicationId}, if it records that application and a token. */
    public Optional<RestToken> restTokenFor(String applicationId) {
        Properties properties;
        try {
            properties = load();
        } catch (IllegalConfigurationException unreadable) {
            return Optional.empty();
        }
        String token = properties.getProperty(REST_TOKEN);
        if (!applicationId.equals(properties.getProperty(APPLICATION_ID, "").trim()) || token == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RestToken.parse(token));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Properties load() {
        Properties properties = new Properties();
        if (!Files.isRegularFile(path)) {
            return properties;
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalConfigurationException("Cannot read the YARN properties file " + path + " ("
                    + e.getMessage() + "): delete it, or give the session's id with -id APP_ID");
        }
        return properties;
    }

    /**
     * Writes {@code applicationID=id} and the session's REST token, replacing the file atomically; the file is
     * readable and writable by its owner only.
     */
    public void write(String applicationId, RestToken token) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Properties properties = new Properties();
            properties.setProperty(APPLICATION_ID, applicationId);
            properties.setProperty(REST_TOKEN, token.value());
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
