package io.weft.streaming.operators;

import io.weft.api.functions.FilterFunction;
import io.weft.streaming.OneInputStreamOperator;

/** Applies a {@link FilterFunction}; task thread only. */
public final class StreamFilter<T> extends AbstractStreamOperator<FilterFunction<T>, T>
        implements OneInputStreamOperator<T, T> {
    public StreamFilter(FilterFunction<T> f) {
        super(f, null);
    }

    @Override
    public void processElement(T record) throws Exception {
        if (userFunction.filter(record)) {
            output.collect(record);
        }
    }
}
