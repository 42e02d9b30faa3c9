package io.weft.api.datastream;

import io.weft.graph.SourceTransformation;

/** The stream read from a source. */
public final class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
        super(environment, transformation);
    }
}
