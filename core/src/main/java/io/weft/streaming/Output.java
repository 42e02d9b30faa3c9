package io.weft.streaming;

import io.weft.api.functions.Collector;

/**
 * Where an operator emits its records: the next operator of the chain, a network writer, or several of these.
 * Called on the task thread only; {@link #collect} may block while the network has no free buffer
 * (backpressure).
 */
public interface Output<T> extends Collector<T> {
}
