package io.weft.client.yarn;

import io.weft.config.YarnOptions;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.jobmanager.yarn.YarnLaunchSpec.ShippedResource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application's staging directory, {@code <yarn.staging-directory or home>/.weft/<application id>/} on the
 * cluster's file system: created owner-only, filled with uploaded files (each becoming a {@link ShippedResource} of
 * visibility {@code APPLICATION}), and deleted when a deployment is abandoned (otherwise the ApplicationMaster
 * deletes it at the end). Used by one thread at a time; {@link #delete()} may come from a shutdown hook.
 */
public final class StagingDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(StagingDirectory.class);
    private static final FsPermission OWNER_ONLY = new FsPermission((short) 0700);
    private static final FsPermission SECRET_PERMISSION = new FsPermission((short) 0600);
    /** The file of {@link #writeSecret}. */
    static final String SECRET_FILE = "cluster.secret";

    private final FileSystem fs;
    private final Path dir;

    private StagingDirectory(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    /**
     * Creates the directory.
     *
     * @param base {@code yarn.staging-directory}, empty for the user's home directory
     */
    public static StagingDirectory create(FileSystem fs, String base, String applicationId) throws IOException {
        Path dir = applicationDirectory(fs, base, applicationId);
        if (!fs.mkdirs(dir, OWNER_ONLY)) {
            throw new IOException("Cannot create " + dir + ": check " + YarnOptions.STAGING_DIRECTORY.key());
        }
        // mkdirs applies the umask; the directory must be owner-only whatever the umask is
        fs.setPermission(dir, OWNER_ONLY);
        LOG.info("Created the staging directory {}", dir);
        return new StagingDirectory(fs, dir);
    }

    private static Path applicationDirectory(FileSystem fs, String base, String applicationId) {
        Path root = base.isBlank() ? fs.getHomeDirectory() : fs.makeQualified(new Path(base));
        return fs.makeQualified(new Path(new Path(root, ".weft"), applicationId));
    }

    /** The fully qualified URI of the directory. */
    public String uri() {
        return dir.toUri().toString();
    }

    /** Uploads a local file or directory under {@code name}. */
    public ShippedResource upload(java.nio.file.Path local, String name, boolean forTaskManagers)
            throws IOException {
        Path target = new Path(dir, name);
        fs.copyFromLocalFile(false, true, new Path(local.toUri()), target);
        LOG.debug("Uploaded {} to {}", local, target);
        return resource(target, name, forTaskManagers);
    }

    /** Writes {@code text} (UTF-8) into a new file {@code name}. */
    public ShippedResource write(String name, String text, boolean forTaskManagers) throws IOException {
        Path target = new Path(dir, name);
        try (OutputStream out = fs.create(target, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return resource(target, name, forTaskManagers);
    }

    /**
     * Writes the cluster secret into {@value #SECRET_FILE}, readable by the owner only: later commands of the same
     * user ({@code weft cancel -t yarn-session -id …}, {@code yarn-session.sh -id … stop}) derive the REST token
     * from it. It is not shipped to any container, and goes with the directory when the application ends.
     */
    public void writeSecret(ClusterSecret secret) throws IOException {
        Path target = new Path(dir, SECRET_FILE);
        try (OutputStream out = fs.create(target, SECRET_PERMISSION, false, 4096, fs.getDefaultReplication(target),
                fs.getDefaultBlockSize(target), null)) {
            out.write((secret.toBase64() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        fs.setPermission(target, SECRET_PERMISSION);
    }

    /**
     * The secret an application's staging directory holds, or null when there is none (the application ended, or
     * was started elsewhere).
     */
    public static ClusterSecret readSecret(FileSystem fs, String base, String applicationId) throws IOException {
        Path file = new Path(applicationDirectory(fs, base, applicationId), SECRET_FILE);
        if (!fs.exists(file)) {
            return null;
        }
        try (var in = fs.open(file)) {
            return ClusterSecret.fromBase64(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    /** Deletes the directory with everything in it; a failure is logged. */
    public void delete() {
        try {
            if (fs.delete(dir, true)) {
                LOG.info("Deleted the staging directory {}", dir);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete the staging directory {}: delete it by hand", dir, e);
        }
    }

    private ShippedResource resource(Path target, String name, boolean forTaskManagers) throws IOException {
        FileStatus status = fs.getFileStatus(target);
        return new ShippedResource(name, fs.makeQualified(target).toUri().toString(), status.getLen(),
                status.getModificationTime(), "APPLICATION", forTaskManagers);
    }

    @Override
    public String toString() {
        return uri();
    }
}
