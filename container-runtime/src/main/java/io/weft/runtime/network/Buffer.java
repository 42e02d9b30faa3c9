package io.weft.runtime.network;

/**
 * A fixed-size segment of network memory holding serialized records, or an in-band {@link RuntimeEvent}.
 *
 * <p>Ownership passes from the producing task (which fills it) to the subpartition queue to the consuming task
 * (which reads it and calls {@link #recycle()}); only one thread owns a buffer at a time. A buffer received from
 * another TaskManager is filled by a network thread and recycled into its input channel's receive memory.
 */
public final class Buffer {
    /** What a buffer carries. */
    public enum Kind { DATA, EVENT }

    private static final Buffer END_OF_PARTITION = new Buffer(RuntimeEvent.END_OF_PARTITION);

    private final byte[] memory;
    private final BufferRecycler owner;
    private final Kind kind;
    private final RuntimeEvent event;
    private int size;

    Buffer(byte[] memory, BufferRecycler owner, Kind kind) {
        if (kind != Kind.DATA) {
            throw new IllegalArgumentException("An event buffer is made from its event");
        }
        this.memory = memory;
        this.owner = owner;
        this.kind = kind;
        this.event = null;
    }

    private Buffer(RuntimeEvent event) {
        this.memory = null;
        this.owner = null;
        this.kind = Kind.EVENT;
        this.event = event;
    }

    /** The event that ends a subpartition. */
    public static Buffer endOfPartition() {
        return END_OF_PARTITION;
    }

    /**
     * A buffer carrying {@code event}. It holds no network memory, so one instance may be queued on every
     * subpartition (a broadcast) and recycling it does nothing.
     */
    public static Buffer event(RuntimeEvent event) {
        return event instanceof RuntimeEvent.EndOfPartition ? END_OF_PARTITION
                : new Buffer(java.util.Objects.requireNonNull(event, "event"));
    }

    public Kind kind() {
        return kind;
    }

    public boolean isData() {
        return kind == Kind.DATA;
    }

    /** The event of an event buffer; null for data. */
    public RuntimeEvent event() {
        return event;
    }

    /** Whether this is the last element of a subpartition. */
    public boolean isEndOfPartition() {
        return event instanceof RuntimeEvent.EndOfPartition;
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
