package io.weft.connectors.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of one byte range of a file: exactly the lines whose first byte lies in {@code [start, end)}.
 *
 * <p>A range that starts inside a line skips that partial line (it belongs to the range before); the last line
 * is read to its end even past {@code end}. Lines end at '\n', a '\r' before it is dropped, and a last line
 * without '\n' is still a line; bytes are decoded as UTF-8. The reader scans its own byte buffer for '\n' — no
 * per-byte calls into the stream — and grows the buffer when one line is longer than it.
 *
 * <p>One reader serves the ranges of a subtask one after the other ({@link #open} each), keeping its buffer.
 * Used by one task thread; not thread-safe. Closes the streams it was given.
 */
final class LineRangeReader implements Closeable {
    static final int DEFAULT_BUFFER_SIZE = 1 << 20;

    private InputStream in;
    private long end;
    private byte[] buffer;
    /** File offset of {@code buffer[0]}. */
    private long bufferOffset;
    /** Start of the next line in the buffer. */
    private int position;
    /** End of the valid bytes in the buffer. */
    private int limit;
    private boolean exhausted;

    /** @param bufferSize initial buffer size; the buffer grows for longer lines */
    LineRangeReader(int bufferSize) {
        this.buffer = new byte[Math.max(16, bufferSize)];
    }

    /**
     * Starts reading a range, closing the stream of the previous one.
     *
     * @param in the file, positioned at {@code start - 1} when {@code start > 0} and at 0 otherwise
     * @param start first byte of the range
     * @param end offset just past the range
     */
    void open(InputStream in, long start, long end) throws IOException {
        close();
        this.in = in;
        this.end = end;
        this.position = 0;
        this.limit = 0;
        this.exhausted = false;
        this.bufferOffset = Math.max(0, start - 1);
        if (start > 0) {
            skipPastNewline();
        }
    }

    /** The next line of the range, or null when the range has no more lines (or none was opened). */
    String readLine() throws IOException {
        if (in == null || exhausted || bufferOffset + position >= end) {
            exhausted = true;
            return null;
        }
        int scan = position;
        while (true) {
            byte[] b = buffer;
            for (int i = scan; i < limit; i++) {
                if (b[i] == '\n') {
                    String line = decode(position, i);
                    position = i + 1;
                    return line;
                }
            }
            int scanned = limit - position;
            if (!fill()) {
                exhausted = true;
                if (position == limit) {
                    return null;
                }
                String last = decode(position, limit);
                position = limit;
                return last;
            }
            scan = position + scanned;
        }
    }

    /** Positions the reader on the first line that starts at or after the range's start. */
    private void skipPastNewline() throws IOException {
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    position = i + 1;
                    return;
                }
            }
            // Nothing here is kept: drop the scanned bytes rather than growing the buffer.
            bufferOffset += limit;
            position = 0;
            limit = 0;
            if (!fill()) {
                exhausted = true;
                return;
            }
        }
    }

    /**
     * Reads more bytes after the valid ones, first moving the unread part to the front of the buffer and growing
     * the buffer when it is full of one unfinished line.
     *
     * @return false at the end of the file
     */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferOffset += position;
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.multiplyExact(buffer.length, 2));
        }
        int n;
        do {
            n = in.read(buffer, limit, buffer.length - limit);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    private String decode(int from, int to) {
        int length = to - from;
        if (length > 0 && buffer[to - 1] == '\r') {
            length--;
        }
        return new String(buffer, from, length, StandardCharsets.UTF_8);
    }

    /** Closes the stream of the current range, if any; {@link #open} may start another range afterwards. */
    @Override
    public void close() throws IOException {
        InputStream current = in;
        in = null;
        if (current != null) {
            current.close();
        }
    }
}
