package io.weft.connectors.file;

import io.weft.api.connector.SinkWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one attempt of one {@link TextFileSink} subtask: lines go through a large buffer into a hidden
 * in-progress file, which {@link #finish} renames to {@code part-<subtask>} and {@link #close} without finish
 * deletes.
 *
 * <p>Used by one task thread; not thread-safe.
 */
final class TextFileWriter<T> implements SinkWriter<T> {
    static final int BUFFER_SIZE = 1 << 20;
    /** The suffix of the hidden file an attempt writes into. */
    static final String IN_PROGRESS_SUFFIX = ".inprogress";
    private static final Logger LOG = LoggerFactory.getLogger(TextFileWriter.class);

    private final FileSystem fs;
    private final Path inProgress;
    private final Path target;
    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int count;
    private boolean streamClosed;
    private boolean finished;

    private TextFileWriter(FileSystem fs, Path inProgress, Path target, OutputStream out) {
        this.fs = fs;
        this.inProgress = inProgress;
        this.target = target;
        this.out = out;
    }

    static <T> TextFileWriter<T> create(Path directory, int subtask, int attempt) throws IOException {
        FileSystem fs = HadoopFileSystems.resolve(directory);
        Path inProgress = new Path(directory, ".part-" + subtask + "-" + attempt + IN_PROGRESS_SUFFIX);
        Path target = new Path(directory, "part-" + subtask);
        LOG.debug("Subtask {} attempt {} writes to {}", subtask, attempt, inProgress);
        deleteEarlierAttempts(fs, directory, subtask, attempt);
        return new TextFileWriter<>(fs, inProgress, target, fs.create(inProgress, true));
    }

    /**
     * Deletes the in-progress files that earlier attempts of this subtask left when their process died (a clean
     * end deletes its own in {@link #close()}), so that no partial output outlives the attempt that wrote it.
     */
    private static void deleteEarlierAttempts(FileSystem fs, Path directory, int subtask, int attempt)
            throws IOException {
        if (attempt == 0 || !fs.exists(directory)) {
            return;
        }
        String prefix = ".part-" + subtask + "-";
        for (FileStatus child : fs.listStatus(directory)) {
            String name = child.getPath().getName();
            if (!name.startsWith(prefix) || !name.endsWith(IN_PROGRESS_SUFFIX)) {
                continue;
            }
            String number = name.substring(prefix.length(), name.length() - IN_PROGRESS_SUFFIX.length());
            if (number.matches("[0-9]{1,9}") && Integer.parseInt(number) < attempt) {
                LOG.info("Deleting {}, left by an earlier attempt that did not end", child.getPath());
                fs.delete(child.getPath(), false);
            }
        }
    }

    @Override
    public void write(T record) throws IOException {
        byte[] line = String.valueOf(record).getBytes(StandardCharsets.UTF_8);
        if (line.length >= buffer.length - count) {
            flushBuffer();
            if (line.length >= buffer.length) {
                out.write(line);
                out.write('\n');
                return;
            }
        }
        System.arraycopy(line, 0, buffer, count, line.length);
        count += line.length;
        buffer[count++] = '\n';
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }

    /** Closes the in-progress file and renames it to {@code part-<subtask>}, replacing an earlier attempt's. */
    @Override
    public void finish() throws IOException {
        flushBuffer();
        streamClosed = true;
        out.close();
        // HDFS refuses to rename onto an existing file: the output of an earlier attempt goes first.
        if (fs.exists(target) && !fs.delete(target, false)) {
            throw new IOException("Cannot delete " + target + " written by an earlier attempt");
        }
        if (!fs.rename(inProgress, target)) {
            throw new IOException("Cannot rename " + inProgress + " to " + target);
        }
        finished = true;
        LOG.debug("Committed {}", target);
    }

    /** Without a successful {@link #finish}, deletes the in-progress file so that nothing partial is visible. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        try {
            if (!streamClosed) {
                streamClosed = true;
                out.close();
            }
        } finally {
            if (fs.exists(inProgress) && !fs.delete(inProgress, false)) {
                LOG.warn("Cannot delete the in-progress file {} of an attempt that did not finish", inProgress);
            }
        }
    }
}
