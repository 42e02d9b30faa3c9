package io.weft.runtime.network;

/**
 * A fixed-size segment of network memory holding serialized records, or an in-band event.
 *
 * <p>Ownership passes from the producing task (which fills it) to the subpartition queue to the consuming task
 * (which reads it and calls {@link #recycle()}); only one thread owns a buffer at a time. A buffer received from
 * another TaskManager is filled by a network thread and recycled into its input channel's receive memory.
 */
public final class Buffer {
    /** What a buffer carries. */
    public enum Kind { DATA, END_OF_PARTITION }

    private static final Buffer END_OF_PARTITION = new Buffer(null, null, Kind.END_OF_PARTITION);

    private final byte[] memory;
    private final BufferRecycler owner;
    private final Kind kind;
    private int size;

    Buffer(byte[] memory, BufferRecycler owner, Kind kind) {
        this.memory = memory;
        this.owner = owner;
        this.kind = kind;
    }

    /** The event that ends a subpartition. */
    public static Buffer endOfPartition() {
        return END_OF_PARTITION;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isData() {
        return kind == Kind.DATA;
    }

    public byte[] memory() {
        return memory;
    }

    public int capacity() {
        return memory.length;
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
    }

    /** Returns the memory to its pool; events need no recycling. */
    public void recycle() {
        if (owner != null) {
            owner.recycle(memory);
        }
    }
}
