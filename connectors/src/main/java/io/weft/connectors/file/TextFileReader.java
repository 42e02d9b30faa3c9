package io.weft.connectors.file;

import io.weft.api.connector.InputStatus;
import io.weft.api.connector.ReaderOutput;
import io.weft.api.connector.SourceReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one subtask's splits of a {@link TextFileSource}: on {@link #open} it computes all splits and keeps those
 * whose number modulo the parallelism is the subtask index, then emits their lines in split order, at most
 * {@value #MAX_BATCH} per {@link #pollNext}.
 *
 * <p>Used by one task thread: open, polls and close all happen on it. Never returns
 * {@link InputStatus#NOTHING_AVAILABLE}: file reads block briefly instead.
 */
final class TextFileReader implements SourceReader<String> {
    static final int MAX_BATCH = 1000;
    /**
     * The file system's own stream buffer; kept below the line reader's reads so that those go straight to the
     * file instead of being copied through it.
     */
    private static final int STREAM_BUFFER_SIZE = 64 << 10;
    private static final Logger LOG = LoggerFactory.getLogger(TextFileReader.class);

    private final Path root;
    private final long maxSplitSize;
    private final int subtask;
    private final int parallelism;
    private FileSystem fs;
    private List<FileSplit> splits = List.of();
    private int nextSplit;
    private final LineRangeReader lines = new LineRangeReader(LineRangeReader.DEFAULT_BUFFER_SIZE);
    private boolean inSplit;

    TextFileReader(Path root, long maxSplitSize, int subtask, int parallelism) {
        this.root = root;
        this.maxSplitSize = maxSplitSize;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    @Override
    public void open() throws IOException {
        fs = HadoopFileSystems.resolve(root);
        List<FileSplit> all = FileSplitter.split(FileSplitter.inputFiles(fs, root), maxSplitSize, parallelism);
        List<FileSplit> mine = new ArrayList<>();
        long bytes = 0;
        for (FileSplit s : all) {
            if (s.number() % parallelism == subtask) {
                mine.add(s);
                bytes += s.length();
            }
        }
        splits = mine;
        LOG.info("Subtask {}/{} reads {} of {} splits ({} bytes) of {}", subtask + 1, parallelism, mine.size(),
                all.size(), bytes, root);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
        int emitted = 0;
        while (emitted < MAX_BATCH) {
            if (!inSplit && !openNextSplit()) {
                return InputStatus.END_OF_INPUT;
            }
            String line = lines.readLine();
            if (line == null) {
                inSplit = false;
                lines.close();
            } else {
                output.collect(line);
                emitted++;
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private boolean openNextSplit() throws IOException {
        if (nextSplit >= splits.size()) {
            return false;
        }
        FileSplit split = splits.get(nextSplit++);
        LOG.debug("Subtask {}/{} opens split {} [{}, {}) of {}", subtask + 1, parallelism, split.number(),
                split.start(), split.end(), split.path());
        FSDataInputStream in = fs.open(split.path(), STREAM_BUFFER_SIZE);
        try {
            if (split.start() > 0) {
                in.seek(split.start() - 1);
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        lines.open(in, split.start(), split.end());
        inSplit = true;
        return true;
    }

    @Override
    public void close() throws IOException {
        inSplit = false;
        lines.close();
    }
}
