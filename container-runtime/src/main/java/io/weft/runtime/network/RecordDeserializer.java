package io.weft.runtime.network;

import io.weft.types.DataInputDeserializer;
import io.weft.types.TypeSerializer;
import java.io.IOException;

/**
 * Reads length-prefixed records back from a channel's buffers; a record (or its 4-byte length) may span several
 * buffers, in which case its bytes are gathered in a spill array. A buffer is recycled as soon as it is read.
 *
 * <p>Consumer task thread only.
 */
public final class RecordDeserializer<T> {
    private final TypeSerializer<T> serializer;
    private final DataInputDeserializer view = new DataInputDeserializer();
    private Buffer current;
    private byte[] memory;
    private int position;
    private int limit;
    private final byte[] lengthBytes = new byte[4];
    private int lengthFilled;
    private byte[] spill = new byte[256];
    private int spillNeeded = -1;
    private int spillFilled;

    public RecordDeserializer(TypeSerializer<T> serializer) {
        this.serializer = serializer;
    }

    public void setNextBuffer(Buffer b) {
        current = b;
        memory = b.memory();
        position = 0;
        limit = b.size();
    }

    /** The next whole record, or null when the current buffer is used up (and recycled). */
    public T next() throws IOException {
        if (current == null) {
            return null;
        }
        if (spillNeeded >= 0 || lengthFilled > 0) {
            return continueSpanning();
        }
        int remaining = limit - position;
        if (remaining >= 4) {
            byte[] m = memory;
            int p = position;
            int len = ((m[p] & 0xFF) << 24) | ((m[p + 1] & 0xFF) << 16) | ((m[p + 2] & 0xFF) << 8) | (m[p + 3] & 0xFF);
            if (len < 0) {
                throw new IllegalStateException("Corrupt record length " + len + " in network buffer");
            }
            if (remaining - 4 >= len) {
                position = p + 4 + len;
                return read(m, p + 4, len);
            }
            position = p + 4;
            startSpill(len);
            return continueSpanning();
        }
        if (remaining > 0) {
            System.arraycopy(memory, position, lengthBytes, 0, remaining);
            lengthFilled = remaining;
        }
        recycleCurrent();
        return null;
    }

    private T continueSpanning() throws IOException {
        if (spillNeeded < 0) {
            int n = Math.min(4 - lengthFilled, limit - position);
            System.arraycopy(memory, position, lengthBytes, lengthFilled, n);
            position += n;
            lengthFilled += n;
            if (lengthFilled < 4) {
                recycleCurrent();
                return null;
            }
            lengthFilled = 0;
            startSpill(((lengthBytes[0] & 0xFF) << 24) | ((lengthBytes[1] & 0xFF) << 16)
                    | ((lengthBytes[2] & 0xFF) << 8) | (lengthBytes[3] & 0xFF));
        }
        int n = Math.min(spillNeeded - spillFilled, limit - position);
        System.arraycopy(memory, position, spill, spillFilled, n);
        position += n;
        spillFilled += n;
        if (spillFilled < spillNeeded) {
            recycleCurrent();
            return null;
        }
        int len = spillNeeded;
        spillNeeded = -1;
        return read(spill, 0, len);
    }

    private void startSpill(int len) {
        if (len < 0) {
            throw new IllegalStateException("Corrupt record length " + len + " in network buffer");
        }
        if (spill.length < len) {
            spill = new byte[Math.max(len, spill.length * 2)];
        }
        spillNeeded = len;
        spillFilled = 0;
    }

    private T read(byte[] m, int offset, int len) throws IOException {
        view.setBuffer(m, offset, len);
        T record = serializer.deserialize(view);
        if (view.available() != 0) {
            throw new IllegalStateException("Record serializer read " + (len - view.available()) + " of " + len
                    + " bytes: the serializer does not match the data");
        }
        return record;
    }

    private void recycleCurrent() {
        if (current != null) {
            current.recycle();
            current = null;
            memory = null;
        }
    }

    /** Drops a partially read buffer. */
    public void clear() {
        recycleCurrent();
        spillNeeded = -1;
        lengthFilled = 0;
    }
}
