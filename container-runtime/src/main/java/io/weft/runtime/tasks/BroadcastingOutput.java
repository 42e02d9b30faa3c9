package io.weft.runtime.tasks;

import io.weft.streaming.Output;
import java.util.List;

/** Hands each record to several outputs (a stream used by more than one operator); task thread only. */
final class BroadcastingOutput<T> implements Output<T> {
    private final Output<T>[] outputs;

    @SuppressWarnings("unchecked")
    BroadcastingOutput(List<Output<T>> outputs) {
        this.outputs = outputs.toArray(new Output[0]);
    }

    @Override
    public void collect(T record) {
        for (Output<T> o : outputs) {
            o.collect(record);
        }
    }
}
