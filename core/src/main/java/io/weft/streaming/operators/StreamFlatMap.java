package io.weft.streaming.operators;

import io.weft.api.functions.FlatMapFunction;
import io.weft.streaming.OneInputStreamOperator;

/** Applies a {@link FlatMapFunction}; task thread only. */
public final class StreamFlatMap<IN, OUT> extends AbstractStreamOperator<FlatMapFunction<IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {
    public StreamFlatMap(FlatMapFunction<IN, OUT> f) {
        super(f, null);
    }

    @Override
    public void processElement(IN record) throws Exception {
        userFunction.flatMap(record, output);
    }
}
