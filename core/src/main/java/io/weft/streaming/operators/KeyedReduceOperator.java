package io.weft.streaming.operators;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.functions.KeySelector;
import io.weft.api.functions.ReduceFunction;
import io.weft.api.state.ValueState;
import io.weft.api.state.ValueStateDescriptor;
import io.weft.api.tuple.Tuple2;
import io.weft.streaming.OneInputStreamOperator;

/**
 * Reduces the records of each key (reduce, sum, min, max). In STREAMING mode it emits the running value after
 * every record; in BATCH mode it emits each key's final value once, when the input ends. Fed by a
 * {@link LocalCombineOperator}, its input is {@code (key, partial value)} pairs instead of records.
 *
 * <p>Task thread only.
 */
public final class KeyedReduceOperator<T> extends AbstractStreamOperator<ReduceFunction<T>, T>
        implements OneInputStreamOperator<Object, T> {
    private static final ValueStateDescriptor<Object> STATE = new ValueStateDescriptor<>("_reduce");
    private ValueState<T> values;
    private final boolean partialsInput;
    private boolean batch;

    /** A reduce over records. */
    public KeyedReduceOperator(ReduceFunction<T> f, KeySelector<T, ?> keySelector) {
        this(f, keySelector, false);
    }

    /**
     * @param partialsInput whether the input is {@code (key, partial value)} pairs from a combiner
     */
    public KeyedReduceOperator(ReduceFunction<T> f, KeySelector<T, ?> keySelector, boolean partialsInput) {
        super(f, keySelector);
        this.partialsInput = partialsInput;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        values = (ValueState<T>) (ValueState<?>) keyedState.getOrCreateState(STATE);
        batch = context.runtimeMode() == RuntimeExecutionMode.BATCH;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(Object input) throws Exception {
        T record;
        if (partialsInput) {
            Tuple2<Object, T> partial = (Tuple2<Object, T>) input;
            keyedState.setCurrentKey(partial.f0);
            record = partial.f1;
        } else {
            record = (T) input;
            setKeyContextElement(record);
        }
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
