package io.weft.runtime.tasks;

import io.weft.runtime.network.RecordWriter;
import io.weft.streaming.Output;

/** Sends records over a network edge and counts them; task thread only. */
final class RecordWriterOutput<T> implements Output<T> {
    private final RecordWriter<T> writer;
    private final TaskCounters counters;

    RecordWriterOutput(RecordWriter<T> writer, TaskCounters counters) {
        this.writer = writer;
        this.counters = counters;
    }

    @Override
    public void collect(T record) {
        counters.recordsOut++;
        try {
            writer.emit(record);
        } catch (Exception e) {
            throw Sneaky.rethrow(e);
        }
    }
}
