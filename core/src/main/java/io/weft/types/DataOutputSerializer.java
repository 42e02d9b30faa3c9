package io.weft.types;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer that serializers write into; also an {@link OutputStream} so that codecs
 * like Avro's encoders can write into it.
 *
 * <p>Not thread-safe: one per writing thread. Strings use a compact form: the char count plus one as a
 * variable-length int (0 for null), then each char in 7-bit groups, so ASCII costs one byte a char.
 */
public final class DataOutputSerializer extends OutputStream {
    private byte[] buffer;
    private int position;

    public DataOutputSerializer(int initialSize) {
        buffer = new byte[Math.max(16, initialSize)];
    }

    public int length() {
        return position;
    }

    /** The backing array; bytes {@code [0, length())} are valid until the next write. */
    public byte[] getSharedBuffer() {
        return buffer;
    }

    public void clear() {
        position = 0;
    }

    /** Sets the write position (to reserve a header and fill it in later). */
    public void setPosition(int newPosition) {
        ensure(newPosition - position);
        position = newPosition;
    }

    private void ensure(int extra) {
        if (position + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + extra));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    public void writeByte(int b) {
        write(b);
    }

    public void writeBoolean(boolean b) {
        write(b ? 1 : 0);
    }

    public void writeShort(int v) {
        ensure(2);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    public void writeInt(int v) {
        ensure(4);
        putInt(buffer, position, v);
        position += 4;
    }

    /** Writes an int at an absolute position without moving the write position. */
    public void writeIntAt(int pos, int v) {
        putInt(buffer, pos, v);
    }

    public void writeLong(long v) {
        ensure(8);
        byte[] b = buffer;
        int p = position;
        b[p] = (byte) (v >>> 56);
        b[p + 1] = (byte) (v >>> 48);
        b[p + 2] = (byte) (v >>> 40);
        b[p + 3] = (byte) (v >>> 32);
        b[p + 4] = (byte) (v >>> 24);
        b[p + 5] = (byte) (v >>> 16);
        b[p + 6] = (byte) (v >>> 8);
        b[p + 7] = (byte) v;
        position = p + 8;
    }

    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    /** Writes a non-negative int in 7-bit groups, low first. */
    public void writeVarInt(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buffer[position++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[position++] = (byte) v;
    }

    /** Writes a string (null allowed) in the compact form described in the class comment. */
    public void writeString(String s) {
        if (s == null) {
            writeVarInt(0);
            return;
        }
        int len = s.length();
        writeVarInt(len + 1);
        ensure(len * 3);
        byte[] b = buffer;
        int p = position;
        for (int i = 0; i < len; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else {
                while (c >= 0x80) {
                    b[p++] = (byte) (c | 0x80);
                    c >>>= 7;
                }
                b[p++] = (byte) c;
            }
        }
        position = p;
    }

    static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
