package io.weft.types;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link DataOutputSerializer} wrote, from a byte array range; also an {@link InputStream} for codecs
 * like Avro's decoders.
 *
 * <p>Not thread-safe: one per reading thread. Reading past the range throws {@link IllegalStateException}
 * naming the position (corrupt or truncated data).
 */
public final class DataInputDeserializer extends InputStream {
    private byte[] buffer = new byte[0];
    private int position;
    private int end;

    public DataInputDeserializer() {
    }

    public DataInputDeserializer(byte[] buffer, int start, int length) {
        setBuffer(buffer, start, length);
    }

    public void setBuffer(byte[] buffer, int start, int length) {
        this.buffer = buffer;
        this.position = start;
        this.end = start + length;
    }

    public int position() {
        return position;
    }

    public int available() {
        return end - position;
    }

    private void need(int n) {
        if (end - position < n) {
            throw new IllegalStateException("Truncated record: needed " + n + " bytes at position " + position
                    + " but only " + (end - position) + " remain");
        }
    }

    @Override
    public int read() {
        return position < end ? buffer[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= end) {
            return -1;
        }
        int n = Math.min(len, end - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    public void readFully(byte[] b) {
        need(b.length);
        System.arraycopy(buffer, position, b, 0, b.length);
        position += b.length;
    }

    public byte readByte() {
        need(1);
        return buffer[position++];
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public short readShort() {
        need(2);
        short v = (short) (((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF));
        position += 2;
        return v;
    }

    public int readInt() {
        need(4);
        byte[] b = buffer;
        int p = position;
        position = p + 4;
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    public long readLong() {
        need(8);
        byte[] b = buffer;
        int p = position;
        position = p + 8;
        return ((long) (b[p] & 0xFF) << 56) | ((long) (b[p + 1] & 0xFF) << 48) | ((long) (b[p + 2] & 0xFF) << 40)
                | ((long) (b[p + 3] & 0xFF) << 32) | ((long) (b[p + 4] & 0xFF) << 24)
                | ((long) (b[p + 5] & 0xFF) << 16) | ((long) (b[p + 6] & 0xFF) << 8) | (b[p + 7] & 0xFF);
    }

    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public int readVarInt() {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = readByte();
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IllegalStateException("Malformed variable-length int before position " + position);
    }

    /** Reads a string written by {@link DataOutputSerializer#writeString}. */
    public String readString() {
        int len = readVarInt() - 1;
        if (len < 0) {
            return null;
        }
        byte[] b = buffer;
        int p = position;
        if (end - p >= len && isAscii(b, p, len)) {
            position = p + len;
            return new String(b, p, len, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[len];
        for (int i = 0; i < len; i++) {
            if (p >= end) {
                throw new IllegalStateException("Truncated string at position " + p);
            }
            int c = b[p++];
            if (c < 0) {
                c &= 0x7F;
                int shift = 7;
                int next;
                do {
                    if (p >= end) {
                        throw new IllegalStateException("Truncated string at position " + p);
                    }
                    next = b[p++];
                    c |= (next & 0x7F) << shift;
                    shift += 7;
                } while (next < 0);
            }
            chars[i] = (char) c;
        }
        position = p;
        return new String(chars);
    }

    private static boolean isAscii(byte[] b, int from, int len) {
        for (int i = from, end = from + len; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Skips {@code n} bytes. */
    public void skipBytesToRead(int n) {
        need(n);
        position += n;
    }
}
