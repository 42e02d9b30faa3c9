package io.weft.runtime.network;

/** Takes back the memory of a recycled {@link Buffer}: a producer's pool or a remote channel's receive memory. */
interface BufferRecycler {
    /** Called by whichever thread owned the buffer last; implementations are thread-safe. */
    void recycle(byte[] segment);
}
