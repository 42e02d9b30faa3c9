package io.weft.jobmanager.rest;

import io.weft.runtime.entrypoint.OutOfMemoryExit;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps uploaded job jars in a directory that only this process's user can read, one owner-only file per jar named
 * by its jar id {@code <uuid>_<name>.jar}. The directory is the only state: listing reads it, so jars stored in a
 * configured directory by an earlier JobManager are found again.
 *
 * <h2>Threading and life cycle</h2>
 * All file work runs on one thread of its own ({@code weft-rest-jars}), never on a network event loop; every method
 * returns at once with a future completed on that thread. {@link #create} and {@link #createTemporary} make the
 * directory; {@link #close()} stops the thread and deletes a temporary directory with its jars.
 */
final class JarStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JarStore.class);
    private static final Pattern JAR_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_[A-Za-z0-9._-]{1,124}\\.jar");
    private static final int MAX_NAME_LENGTH = 120;
    private static final String PARTIAL = ".part";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private final Path directory;
    private final boolean temporary;
    private final ExecutorService executor;

    private JarStore(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "weft-rest-jars");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Keeps jars in {@code directory}, created owner-only when missing; they stay there after {@link #close()}.
     *
     * @throws IOException when the directory cannot be created
     */
    public static JarStore create(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.toAbsolutePath().getParent());
            if (POSIX) {
                Files.createDirectory(directory, ownerOnly("rwx------"));
            } else {
                Files.createDirectory(directory);
            }
        }
        removeLeftovers(directory);
        LOG.info("Uploaded job jars go to {}", directory);
        return new JarStore(directory, false);
    }

    /**
     * Keeps jars in a fresh owner-only temporary directory, deleted with its jars by {@link #close()}.
     *
     * @throws IOException when the directory cannot be created
     */
    public static JarStore createTemporary() throws IOException {
        Path dir = POSIX ? Files.createTempDirectory("weft-web-upload-", ownerOnly("rwx------"))
                : Files.createTempDirectory("weft-web-upload-");
        LOG.info("Uploaded job jars go to the temporary directory {}", dir);
        return new JarStore(dir, true);
    }

    /**
     * Deletes what an earlier JobManager, stopped in the middle of an upload, left behind: files being received
     * (Netty's {@code FUp_*.tmp}, {@code .upload-*.part}) and jars not yet renamed ({@code *.jar.part}).
     */
    private static void removeLeftovers(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(PARTIAL) || name.startsWith("FUp_") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                    LOG.info("Deleted {}, an upload an earlier JobManager did not finish", p);
                }
            }
        }
    }

    /** The directory holding the jars. */
    public Path directory() {
        return directory;
    }

    /**
     * Checks the form of a jar id from a request.
     *
     * @throws RestException (400) when it cannot be a jar id
     */
    public static String checkJarId(String jarId) {
        if (!JAR_ID.matcher(jarId).matches()) {
            throw RestException.badRequest("'" + JobIds.abbreviate(jarId) + "' is not a jar id: use the 'id' of a "
                    + "jar from GET /jars, or the 'filename' that POST /jars/upload answered");
        }
        return jarId;
    }

    /**
     * Stores an uploaded jar, moving {@code upload} into the store (temporary name first, renamed once checked);
     * fails with a {@link RestException} (400) when the content is not a zip archive, and then leaves
     * {@code upload} to its owner.
     *
     * @param fileName the name the client sent, possibly with a path; cleaned to letters, digits, '.', '_', '-'
     * @param upload the received file, best in this store's directory (then no byte is copied)
     */
    public CompletableFuture<StoredJar> store(String fileName, Path upload) {
        String name = cleanName(fileName);
        return onJarThread(() -> {
            checkIsZip(upload, fileName);
            String id = UUID.randomUUID() + "_" + name;
            Path partial = directory.resolve(id + PARTIAL);
            try {
                Files.move(upload, partial);
                if (POSIX) {
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
                }
                Path jar = Files.move(partial, directory.resolve(id), StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Stored uploaded jar {} ({} bytes) as {}", fileName, Files.size(jar), jar);
                return new StoredJar(id, name, Files.getLastModifiedTime(jar).toMillis(), jar);
            } finally {
                Files.deleteIfExists(partial);
            }
        });
    }

    /** Every stored jar, newest first. */
    public CompletableFuture<List<StoredJar>> list() {
        return onJarThread(() -> {
            List<StoredJar> jars = new ArrayList<>();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String id = p.getFileName().toString();
                    if (JAR_ID.matcher(id).matches() && Files.isRegularFile(p)) {
                        jars.add(new StoredJar(id, id.substring(id.indexOf('_') + 1),
                                Files.getLastModifiedTime(p).toMillis(), p));
                    }
                }
            }
            jars.sort(Comparator.comparingLong(StoredJar::uploaded).reversed().thenComparing(StoredJar::id));
            return jars;
        });
    }

    /**
     * Calls {@code action} with the path of a stored jar, on the jar thread (so the jar cannot be deleted
     * meanwhile); fails with a {@link RestException} (404) when there is no jar with this id.
     *
     * @return what {@code action}'s future completes with
     */
    public <T> CompletableFuture<T> withJar(String jarId, Function<Path, CompletableFuture<T>> action) {
        checkJarId(jarId);
        return onJarThread(() -> {
            Path jar = directory.resolve(jarId);
            if (!Files.isRegularFile(jar)) {
                throw unknownJar(jarId);
            }
            return action.apply(jar);
        }).thenCompose(f -> f);
    }

    /** Deletes a stored jar; fails with a {@link RestException} (404) when there is none with this id. */
    public CompletableFuture<Void> delete(String jarId) {
        checkJarId(jarId);
        return onJarThread(() -> {
            if (!Files.deleteIfExists(directory.resolve(jarId))) {
                throw unknownJar(jarId);
            }
            LOG.info("Deleted uploaded jar {}", jarId);
            return null;
        });
    }

    private static RestException unknownJar(String jarId) {
        return RestException.notFound("No jar with id '" + jarId + "' is stored: upload it with POST /jars/upload "
                + "or pick an id from GET /jars");
    }

    /** The file name without any directory, cleaned to a safe set of characters, ending in {@code .jar}. */
    static String cleanName(String fileName) {
        String base = fileName == null ? "" : fileName;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            base = base.substring(0, base.length() - 4);
        }
        if (base.isEmpty()) {
            base = "job";
        }
        return (base.length() > MAX_NAME_LENGTH ? base.substring(0, MAX_NAME_LENGTH) : base) + ".jar";
    }

    private static void checkIsZip(Path file, String fileName) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() == 0) {
                throw new ZipException("the archive is empty");
            }
        } catch (ZipException e) {
            throw RestException.badRequest("The uploaded file '" + JobIds.abbreviate(String.valueOf(fileName))
                    + "' is not a jar (" + e.getMessage() + "): upload the job's jar file, as 'mvn package' builds it");
        }
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    private <T> CompletableFuture<T> onJarThread(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable t) {
                    OutOfMemoryExit.haltIfOutOfMemory(t);
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new RestException(503, "The REST endpoint is shutting down: retry once the "
                    + "JobManager is back"));
        }
        return result;
    }

    /** Stops the jar thread, waiting up to 10 s for work under way; deletes a temporary directory with its jars. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Jar store work on {} still under way after 10 s", directory);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (temporary) {
            deleteDirectory();
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the jar directory {}: remove it by hand", directory, e);
        }
    }
}
