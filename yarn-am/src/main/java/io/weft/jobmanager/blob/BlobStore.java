package io.weft.jobmanager.blob;

import io.weft.api.JobID;
import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import io.weft.runtime.HexIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's store of job jars, from which TaskManagers fetch a job's code (in chunks, over RPC). A jar is
 * stored under its job's id when the job is submitted and deleted when the job ends.
 *
 * <p>Thread-safe: every operation works on files only; a jar appears atomically (copied to a temporary file, then
 * renamed).
 */
public final class BlobStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);
    private final Path directory;
    private final boolean owned;

    private BlobStore(Path directory, boolean owned) {
        this.directory = directory;
        this.owned = owned;
    }

    /**
     * Opens the store in {@code blob.storage.directory}, or in a new directory under {@code java.io.tmpdir} that
     * {@link #close()} deletes.
     */
    public static BlobStore create(Configuration config) {
        String configured = config.get(ClusterOptions.BLOB_STORAGE_DIRECTORY);
        try {
            if (configured.isEmpty()) {
                return new BlobStore(Files.createTempDirectory("weft-blobs-"), true);
            }
            Path dir = Path.of(configured).toAbsolutePath().resolve("jobmanager");
            Files.createDirectories(dir);
            removeLeftovers(dir);
            return new BlobStore(dir, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob store directory (blob.storage.directory='"
                    + configured + "'): " + e.getMessage(), e);
        }
    }

    /** Deletes the jars of an earlier JobManager in this directory (killed before it could): no job survives it. */
    private static void removeLeftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith("job_") || name.startsWith(".incoming-")) {
                    Files.deleteIfExists(f);
                    LOG.info("Deleted {}, left by an earlier JobManager", f);
                }
            }
        }
    }

    public Path directory() {
        return directory;
    }

    /** Stores a copy of a job's jar; returns its key (the job id). */
    public String put(JobID jobId, Path jar) {
        String key = jobId.toString();
        Path target = fileOf(key);
        try {
            Path temp = Files.createTempFile(directory, ".incoming-", ".jar");
            try {
                Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the jar of job " + jobId + " in " + directory + ": "
                    + e.getMessage(), e);
        }
        LOG.debug("Stored the jar of job {} as {}", jobId, target);
        return key;
    }

    /**
     * Up to {@code maxLength} bytes of a blob from {@code offset}.
     *
     * @throws IllegalArgumentException for a malformed key, an unknown blob or an offset outside it
     */
    public Chunk read(String key, long offset, int maxLength) {
        if (!HexIds.isHexId(key)) {
            throw new IllegalArgumentException("Malformed blob key '" + key + "': expected 32 hex digits");
        }
        if (offset < 0 || maxLength <= 0) {
            throw new IllegalArgumentException("Bad blob range: offset " + offset + ", length " + maxLength);
        }
        try (FileChannel ch = FileChannel.open(fileOf(key), StandardOpenOption.READ)) {
            long total = ch.size();
            if (offset > total) {
                throw new IllegalArgumentException("Offset " + offset + " is beyond blob " + key + " (" + total
                        + " bytes)");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(maxLength, total - offset));
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    break;
                }
            }
            buf.flip();
            return new Chunk(total, buf);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("No blob " + key + ": its job ended or was never submitted here");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + key + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a blob if it exists. */
    public void delete(String key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            LOG.warn("Cannot delete blob {} in {}: {}", key, directory, e.toString());
        }
    }

    private Path fileOf(String key) {
        return directory.resolve("job_" + key + ".jar");
    }

    /** Deletes the directory when the store created it. */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Cannot delete blob directory {}: {}", directory, e.toString());
        }
    }

    /** Bytes of a blob and the blob's total length. */
    public record Chunk(long totalLength, ByteBuffer data) {
    }
}
