package io.weft.connectors.file;

import org.apache.hadoop.fs.Path;

/**
 * One byte range {@code [start, end)} of one input file, numbered among all splits of the input. The split owns
 * exactly the lines whose first byte lies in its range. Immutable.
 *
 * @param number the split's position in the deterministic order of all splits (files by path, ranges in order)
 * @param path the file
 * @param start first byte offset of the range
 * @param end offset just past the range
 */
record FileSplit(int number, Path path, long start, long end) {
    long length() {
        return end - start;
    }
}
