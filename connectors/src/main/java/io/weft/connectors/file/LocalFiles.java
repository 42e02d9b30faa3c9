package io.weft.connectors.file;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What Hadoop's local file system does not tell about a local path: whether it is a named pipe, socket or device
 * (Hadoop lists these as empty regular files), and why a directory could not be created (Hadoop's
 * {@code mkdirs} only answers false). Stateless and thread-safe; answers nothing for other file systems.
 */
final class LocalFiles {
    // the file-type bits of st_mode (see stat(2)); the "unix:mode" attribute holds them
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private LocalFiles() {
    }

    /**
     * What {@code path} is when it is a local special file — "a named pipe", "a socket", "a character device",
     * "a block device" or "a special file" — after following symbolic links; empty for regular files,
     * directories, missing paths and paths of other file systems.
     */
    static Optional<String> specialKind(FileSystem fs, Path path) {
        if (!isLocal(fs)) {
            return Optional.empty();
        }
        java.nio.file.Path local = localPath(fs, path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(local, BasicFileAttributes.class);
            if (!attributes.isOther()) {
                return Optional.empty();
            }
            Object mode = Files.getAttribute(local, "unix:mode");
            int type = mode instanceof Integer m ? m & TYPE_MASK : 0;
            return Optional.of(switch (type) {
                case FIFO -> "a named pipe";
                case SOCKET -> "a socket";
                case CHARACTER_DEVICE -> "a character device";
                case BLOCK_DEVICE -> "a block device";
                default -> "a special file";
            });
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the local directory {@code dir} cannot be created — the operating system's reason, such as "File name
     * too long", "Read-only file system" or "no write permission in /x" — found by creating it with
     * {@code java.nio}; empty when that succeeds or {@code fs} is not local.
     */
    static Optional<String> whyNotCreated(FileSystem fs, Path dir) {
        if (!isLocal(fs)) {
            return Optional.empty();
        }
        java.nio.file.Path local = localPath(fs, dir);
        try {
            Files.createDirectories(local);
            return Optional.empty();
        } catch (AccessDeniedException e) {
            return Optional.of("no write permission in " + nearestExisting(local));
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason()
                    : e instanceof NoSuchFileException ? "No such file or directory"
                    : e instanceof NotDirectoryException ? "Not a directory"
                    : e instanceof FileAlreadyExistsException ? "a file of that name exists"
                    : e.getClass().getSimpleName();
            return Optional.of(reason + " (" + (e.getFile() == null ? local : e.getFile()) + ")");
        } catch (IOException e) {
            return Optional.of(HadoopFileSystems.reason(e));
        }
    }

    private static java.nio.file.Path nearestExisting(java.nio.file.Path path) {
        java.nio.file.Path p = path.getParent();
        while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            p = p.getParent();
        }
        return p == null ? path : p;
    }

    /** The local path of {@code path}: Hadoop's URIs hold non-ASCII characters unescaped, which NIO's would not. */
    private static java.nio.file.Path localPath(FileSystem fs, Path path) {
        return Paths.get(fs.makeQualified(path).toUri().getPath());
    }

    private static boolean isLocal(FileSystem fs) {
        return "file".equals(fs.getUri().getScheme());
    }
}
