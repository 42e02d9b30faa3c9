package io.weft.streaming.operators;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.functions.KeySelector;
import io.weft.api.functions.ReduceFunction;
import io.weft.api.state.ValueState;
import io.weft.api.state.ValueStateDescriptor;
import io.weft.streaming.OneInputStreamOperator;

/**
 * Reduces the records of each key (reduce, sum, min, max). In STREAMING mode it emits the running value after
 * every record; in BATCH mode it emits each key's final value once, when the input ends.
 *
 * <p>Task thread only.
 */
public final class KeyedReduceOperator<T> extends AbstractStreamOperator<ReduceFunction<T>, T>
        implements OneInputStreamOperator<T, T> {
    private static final ValueStateDescriptor<Object> STATE = new ValueStateDescriptor<>("_reduce");
    private ValueState<T> values;
    private boolean batch;

    public KeyedReduceOperator(ReduceFunction<T> f, KeySelector<T, ?> keySelector) {
        super(f, keySelector);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        values = (ValueState<T>) (ValueState<?>) keyedState.getOrCreateState(STATE);
        batch = context.runtimeMode() == RuntimeExecutionMode.BATCH;
    }

    @Override
    public void processElement(T record) throws Exception {
        setKeyContextElement(record);
        T current = values.value();
        T next = current == null ? record : userFunction.reduce(current, record);
        values.update(next);
        if (!batch) {
            output.collect(next);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void finish() throws Exception {
        if (batch) {
            keyedState.forEachKey(STATE, (key, state) -> output.collect((T) state.value()));
        }
    }
}
