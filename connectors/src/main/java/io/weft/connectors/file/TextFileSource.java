package io.weft.connectors.file;

import io.weft.api.InvalidProgramException;
import io.weft.api.connector.Boundedness;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import io.weft.api.connector.SourceReaderContext;
import io.weft.config.Configuration;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A bounded source of the lines of a text file, or of every visible file of a directory, on any Hadoop file
 * system ({@code file:///…}, {@code hdfs://…} or a plain local path).
 *
 * <p>A directory is read non-recursively: every regular file in it whose name does not start with '.' or '_'.
 * The files are cut into byte-range splits of {@code min(maxSplitSize, ceil(totalBytes / parallelism))} bytes,
 * numbered in path order; subtask i reads the splits whose number modulo the parallelism is i, so every attempt
 * of a subtask reads the same lines. Lines end at '\n' (a '\r' before it is dropped) and are decoded as UTF-8;
 * see {@link LineRangeReader} for the exact rules at split boundaries.
 *
 * <h2>Threading</h2>
 * The source is immutable and shared by all subtasks; each subtask's reader is used by that subtask's task
 * thread only.
 */
public final class TextFileSource implements Source<String> {
    /** The default upper bound of a split: 64 MiB. */
    public static final long DEFAULT_MAX_SPLIT_SIZE = 64L << 20;

    private final String path;
    private final long maxSplitSize;

    private TextFileSource(String path, long maxSplitSize) {
        this.path = path;
        this.maxSplitSize = maxSplitSize;
    }

    /** A source of the lines of {@code path}, a file or a directory on any Hadoop file system. */
    public static TextFileSource forPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("The input path is empty: pass a file or a directory");
        }
        return new TextFileSource(path, DEFAULT_MAX_SPLIT_SIZE);
    }

    /** A copy of this source whose splits are at most {@code bytes} long (default 64 MiB). */
    public TextFileSource withMaxSplitSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("The max split size must be at least 1 byte, not " + bytes);
        }
        return new TextFileSource(path, bytes);
    }

    public String getPath() {
        return path;
    }

    public long getMaxSplitSize() {
        return maxSplitSize;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    /**
     * Checks that the input path exists and holds something to read: a regular file, or a directory with at least
     * one visible regular file. Named pipes, sockets and devices are refused (Hadoop would read them as empty
     * files), as is a directory without input files.
     *
     * @throws InvalidProgramException with a one-line message naming the path and the fix
     */
    @Override
    public void validate(Configuration configuration) {
        String shown = path;
        try {
            Path p = new Path(path);
            FileSystem fs = HadoopFileSystems.resolve(p);
            Path qualified = fs.makeQualified(p);
            shown = qualified.toString();
            HadoopFileSystems.checkNameLengths(qualified, "Input path");
            if (!fs.exists(p)) {
                throw new InvalidProgramException("Input path " + shown
                        + " does not exist: check the path (a file or a directory)");
            }
            refuseSpecial(fs, p, "Input path " + shown);
            if (fs.getFileStatus(p).isDirectory()) {
                checkDirectory(fs, p, shown);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidProgramException("Cannot read input path " + shown + ": " + HadoopFileSystems.reason(e)
                    + " — " + HadoopFileSystems.fix(path, "check the path and that its file system is reachable"), e);
        }
    }

    private static void checkDirectory(FileSystem fs, Path dir, String shown) throws IOException {
        List<FileStatus> files = FileSplitter.inputFiles(fs, dir);
        if (files.isEmpty()) {
            throw new InvalidProgramException("Input directory " + shown + " holds no files to read (names starting"
                    + " with '.' or '_' are skipped, subdirectories are not read): check the path");
        }
        for (FileStatus file : files) {
            refuseSpecial(fs, file.getPath(), "Input directory " + shown + " holds " + file.getPath().getName()
                    + ", which");
        }
    }

    private static void refuseSpecial(FileSystem fs, Path p, String subject) {
        LocalFiles.specialKind(fs, p).ifPresent(kind -> {
            throw new InvalidProgramException(subject + " is " + kind + ", not a regular file: Weft splits its input"
                    + " by length, so it would read nothing — copy the data into a file and read that");
        });
    }

    @Override
    public SourceReader<String> createReader(SourceReaderContext context) {
        return new TextFileReader(new Path(path), maxSplitSize, context.getSubtaskIndex(), context.getParallelism());
    }

    @Override
    public String toString() {
        return "TextFileSource{" + path + "}";
    }
}
