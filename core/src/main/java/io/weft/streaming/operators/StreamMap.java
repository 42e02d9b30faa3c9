package io.weft.streaming.operators;

import io.weft.api.functions.MapFunction;
import io.weft.streaming.OneInputStreamOperator;

/** Applies a {@link MapFunction}; task thread only. */
public final class StreamMap<IN, OUT> extends AbstractStreamOperator<MapFunction<IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {
    public StreamMap(MapFunction<IN, OUT> f) {
        super(f, null);
    }

    @Override
    public void processElement(IN record) throws Exception {
        output.collect(userFunction.map(record));
    }
}
