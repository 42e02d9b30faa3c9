package io.weft.connectors.file;

import io.weft.api.InvalidProgramException;
import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkContext;
import io.weft.api.connector.SinkWriter;
import io.weft.config.Configuration;
import java.io.IOException;
import java.util.Objects;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink that writes records as lines of text ({@code String.valueOf(record)}, UTF-8) into a directory on any
 * Hadoop file system, one file {@code part-<subtask>} per subtask.
 *
 * <p>Each attempt writes to a hidden {@code .part-<subtask>-<attempt>.inprogress} file and renames it to
 * {@code part-<subtask>} only when the subtask finishes, replacing the output of an earlier attempt; a failed or
 * cancelled attempt deletes its in-progress file, so readers never see partial output. Before submission,
 * {@link #validate} refuses an output directory that already holds visible files or in-progress files of a run
 * that died (unless overwriting was asked for), creates the directory and proves it writable. A new attempt
 * deletes the in-progress files its subtask's earlier attempts left when their process died.
 *
 * <h2>Threading</h2>
 * The sink is immutable and shared by all subtasks; each writer is used by its subtask's task thread only.
 */
public final class TextFileSink<T> implements Sink<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TextFileSink.class);

    private final String directory;
    private final boolean overwrite;

    private TextFileSink(String directory, boolean overwrite) {
        this.directory = directory;
        this.overwrite = overwrite;
    }

    /** A sink writing {@code part-*} files into {@code directory}, a path on any Hadoop file system. */
    public static <T> TextFileSink<T> forPath(String directory) {
        Objects.requireNonNull(directory, "directory");
        if (directory.isBlank()) {
            throw new IllegalArgumentException("The output path is empty: pass a directory");
        }
        return new TextFileSink<>(directory, false);
    }

    /**
     * A copy of this sink that, when {@code overwrite} is true, deletes the visible files of an existing output
     * directory at validation time instead of refusing it.
     */
    public TextFileSink<T> withOverwrite(boolean overwrite) {
        return new TextFileSink<>(directory, overwrite);
    }

    public String getPath() {
        return directory;
    }

    /**
     * Checks the output directory before submission, deletes earlier visible output when overwriting, creates
     * the directory and proves it writable with a probe file.
     *
     * @throws InvalidProgramException with a one-line message naming the path and the fix
     */
    @Override
    public void validate(Configuration configuration) {
        String shown = directory;
        try {
            Path dir = new Path(directory);
            FileSystem fs = HadoopFileSystems.resolve(dir);
            Path qualified = fs.makeQualified(dir);
            shown = qualified.toString();
            HadoopFileSystems.checkNameLengths(qualified, "Output path");
            if (fs.exists(dir)) {
                checkExisting(fs, dir, shown);
            }
            if (!fs.mkdirs(dir)) {
                String reason = LocalFiles.whyNotCreated(fs, dir).orElse(null);
                if (reason != null || !fs.isDirectory(dir)) {
                    throw new IOException("cannot create it: " + (reason != null ? reason
                            : "no write permission in " + nearestExistingAncestor(fs, dir)
                                    + ", or a read-only file system"));
                }
            }
            Path probe = new Path(dir, "._weft-probe-" + UUID.randomUUID());
            fs.create(probe, false).close();
            fs.delete(probe, false);
        } catch (InvalidProgramException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidProgramException("Cannot write to output directory " + shown + ": "
                    + HadoopFileSystems.reason(e) + " — "
                    + HadoopFileSystems.fix(directory, "choose a writable directory"), e);
        }
    }

    private void checkExisting(FileSystem fs, Path dir, String shown) throws IOException {
        FileStatus status = fs.getFileStatus(dir);
        if (status.isFile()) {
            throw new InvalidProgramException("Output path " + shown
                    + " is an existing file: choose a directory path for the output");
        }
        for (FileStatus child : fs.listStatus(dir)) {
            String name = child.getPath().getName();
            if (name.startsWith(".part-") && name.endsWith(TextFileWriter.IN_PROGRESS_SUFFIX)) {
                if (!overwrite) {
                    throw new InvalidProgramException("Output directory " + shown + " holds " + name + ", partial"
                            + " output of an earlier run that did not end: delete it (or the directory) or choose"
                            + " another");
                }
                LOG.info("Deleting {} of an earlier run that did not end", child.getPath());
                fs.delete(child.getPath(), false);
                continue;
            }
            if (!HadoopFileSystems.isVisible(name)) {
                continue;
            }
            if (!overwrite) {
                throw new InvalidProgramException("Output directory " + shown
                        + " already exists and is not empty: delete it or choose another");
            }
            if (child.isDirectory()) {
                throw new InvalidProgramException("Output directory " + shown + " contains the directory "
                        + child.getPath().getName() + ", which overwriting does not delete: delete it or choose"
                        + " another output directory");
            }
            LOG.info("Deleting {} of an earlier run: the sink overwrites its output directory", child.getPath());
            if (!fs.delete(child.getPath(), false)) {
                throw new IOException("cannot delete " + child.getPath());
            }
        }
    }

    private static Path nearestExistingAncestor(FileSystem fs, Path dir) throws IOException {
        Path p = fs.makeQualified(dir).getParent();
        while (p != null && !fs.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir : p;
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) throws IOException {
        return TextFileWriter.create(new Path(directory), context.getSubtaskIndex(), context.getAttemptNumber());
    }

    @Override
    public String toString() {
        return "TextFileSink{" + directory + "}";
    }
}
