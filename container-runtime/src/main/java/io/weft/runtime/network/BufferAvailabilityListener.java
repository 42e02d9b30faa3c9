package io.weft.runtime.network;

/** Told by a subpartition that it went from empty to holding data; called on the producer's thread. */
@FunctionalInterface
public interface BufferAvailabilityListener {
    void notifyDataAvailable();
}
