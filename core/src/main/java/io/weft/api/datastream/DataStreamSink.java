package io.weft.api.datastream;

import io.weft.graph.Transformation;

/** The end of a stream written to a sink; its settings can still be changed. */
public final class DataStreamSink<T> {
    private final Transformation<Object> transformation;

    DataStreamSink(Transformation<Object> transformation) {
        this.transformation = transformation;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> slotSharingGroup(String group) {
        transformation.setSlotSharingGroup(group);
        return this;
    }
}
