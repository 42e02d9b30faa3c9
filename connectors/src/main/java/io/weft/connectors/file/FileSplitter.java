package io.weft.connectors.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Cuts the input of a {@link TextFileSource} into numbered byte-range splits, the same way on every subtask.
 *
 * <p>The input is one file, or every regular file directly inside a directory whose name does not start with
 * '.' or '_'. Files are sorted by path and cut into ranges of the target size
 * {@code ceil(totalBytes / (k * parallelism))}, with k the smallest count that keeps splits within
 * {@code maxSplitSize} (at least one byte), so each subtask gets an equal share; empty files give no split.
 * Because every subtask computes the same list, subtask i can claim the splits whose number modulo the
 * parallelism is i without any coordination. Stateless and thread-safe.
 */
final class FileSplitter {
    private FileSplitter() {
    }

    /** The input files below {@code root}, sorted by path. */
    static List<FileStatus> inputFiles(FileSystem fs, Path root) throws IOException {
        FileStatus status = fs.getFileStatus(root);
        if (status.isFile()) {
            return List.of(status);
        }
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus child : fs.listStatus(root)) {
            if (child.isFile() && HadoopFileSystems.isVisible(child.getPath().getName())) {
                files.add(child);
            }
        }
        files.sort(Comparator.comparing(f -> f.getPath().toString()));
        return files;
    }

    /** All splits of the input, numbered from 0 in file order, then range order. */
    static List<FileSplit> split(List<FileStatus> files, long maxSplitSize, int parallelism) {
        long totalBytes = 0;
        for (FileStatus f : files) {
            totalBytes += f.getLen();
        }
        // a multiple of the parallelism of equal splits, none above the maximum, so every reader gets an equal share
        long rounds = Math.max(1, ceilDiv(ceilDiv(totalBytes, maxSplitSize), parallelism));
        long target = Math.max(1, ceilDiv(totalBytes, rounds * parallelism));
        List<FileSplit> splits = new ArrayList<>();
        for (FileStatus f : files) {
            long length = f.getLen();
            for (long start = 0; start < length; start += target) {
                splits.add(new FileSplit(splits.size(), f.getPath(), start, Math.min(length, start + target)));
            }
        }
        return splits;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return dividend / divisor + (dividend % divisor == 0 ? 0 : 1);
    }
}
