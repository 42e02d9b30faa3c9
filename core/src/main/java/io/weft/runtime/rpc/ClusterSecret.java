package io.weft.runtime.rpc;

import io.weft.api.FatalException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-cluster secret with which Weft processes prove to each other that they belong to the same cluster:
 * 32 random bytes, generated at cluster start and handed to every process in an owner-only file or in the
 * environment variable {@value #ENV_VARIABLE} (base64).
 *
 * <p>The bytes never leave this class except as base64 for handing the secret to a process
 * ({@link #toBase64()}); {@link #hmacSha256} computes the proofs. {@link #toString()} does not reveal them.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClusterSecret {
    /** The environment variable that may carry the secret, base64-encoded. */
    public static final String ENV_VARIABLE = "WEFT_CLUSTER_SECRET";
    /** Length of a secret in bytes. */
    public static final int LENGTH = 32;

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSecret.class);
    private static final String HMAC = "HmacSHA256";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private ClusterSecret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A fresh random secret. */
    public static ClusterSecret generate() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new ClusterSecret(bytes);
    }

    /**
     * The secret encoded by {@link #toBase64()}.
     *
     * @throws FatalException when the text is not base64 of {@value #LENGTH} bytes
     */
    public static ClusterSecret fromBase64(String base64) {
        return decode(base64, "the given text");
    }

    /**
     * The secret in {@value #ENV_VARIABLE} of {@code environment} (normally {@link System#getenv()}), if set.
     *
     * @throws FatalException when the variable is set but does not hold a secret
     */
    public static Optional<ClusterSecret> fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENV_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(decode(value, "environment variable " + ENV_VARIABLE));
    }

    /**
     * Reads a secret written by {@link #writeTo}. Warns when the file is readable by others than its owner.
     *
     * @throws FatalException naming the file when it cannot be read or holds no secret
     */
    public static ClusterSecret readFrom(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new FatalException("Cannot read the cluster secret from " + file + ": " + e
                    + "; it is written at cluster start, or pass the secret in " + ENV_VARIABLE, e);
        }
        if (isPosix(file)) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    LOG.warn("Cluster secret file {} has permissions {}: others than its owner may read it; "
                            + "restrict it with 'chmod 600 {}'", file, PosixFilePermissions.toString(permissions),
                            file);
                }
            } catch (IOException e) {
                LOG.warn("Cannot check the permissions of cluster secret file {}: {}", file, e.toString());
            }
        }
        return decode(text, "file " + file);
    }

    /**
     * Writes the secret (base64, one line) to {@code file}, readable and writable by the owner only (on POSIX file
     * systems), atomically: a temporary file in the same directory, created owner-only and synced, then renamed.
     *
     * @throws FatalException naming the file when it cannot be written
     */
    public void writeTo(Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = isPosix(dir)
                    ? Files.createTempFile(dir, ".cluster-secret-", ".tmp", PosixFilePermissions.asFileAttribute(
                            OWNER_ONLY))
                    : Files.createTempFile(dir, ".cluster-secret-", ".tmp");
            if (!isPosix(dir)) {
                restrictToOwner(temp);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer content = ByteBuffer.wrap((toBase64() + "\n").getBytes(StandardCharsets.US_ASCII));
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
            move(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new FatalException("Cannot write the cluster secret to " + target + ": " + e
                    + "; check that the directory exists and is writable", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Cannot delete temporary file {}: {}", temp, e.toString());
                }
            }
        }
    }

    /** The secret as base64, for {@value #ENV_VARIABLE}; treat it like a password. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** HMAC-SHA256 keyed with this secret over the concatenation of {@code parts}. */
    public byte[] hmacSha256(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(bytes, HMAC));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides no " + HMAC + ", which every Java 17 JDK must", e);
        }
    }

    @Override
    public String toString() {
        return "ClusterSecret(hidden)";
    }

    private static ClusterSecret decode(String base64, String source) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new FatalException("The cluster secret in " + source + " is not valid base64 ("
                    + e.getMessage() + "): expected " + LENGTH + " bytes in base64 as written at cluster start");
        }
        if (decoded.length != LENGTH) {
            throw new FatalException("The cluster secret in " + source + " has " + decoded.length
                    + " bytes, expected " + LENGTH + ": it was not written by Weft, or it was truncated");
        }
        return new ClusterSecret(decoded);
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrictToOwner(Path file) throws IOException {
        File f = file.toFile();
        boolean ok = f.setReadable(false, false) && f.setReadable(true, true) && f.setWritable(false, false)
                && f.setWritable(true, true);
        if (!ok) {
            throw new IOException("cannot restrict the permissions of " + file + " to its owner");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
