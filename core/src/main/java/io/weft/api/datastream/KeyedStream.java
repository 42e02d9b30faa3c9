package io.weft.api.datastream;

import io.weft.api.execution.FunctionCopier;
import io.weft.api.functions.KeySelector;
import io.weft.api.functions.KeyedProcessFunction;
import io.weft.api.functions.ReduceFunction;
import io.weft.graph.OneInputTransformation;
import io.weft.graph.PartitionTransformation;
import io.weft.streaming.OperatorFactory;
import io.weft.streaming.operators.FieldAggregator;
import io.weft.streaming.operators.KeyedProcessOperator;
import io.weft.streaming.operators.KeyedReduceOperator;

/**
 * A stream partitioned by key: operators on it see all records of a key on one subtask and may keep keyed
 * state. In BATCH mode, aggregations emit each key's final value; in STREAMING mode, every update.
 */
public final class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<T, K> keySelector;

    KeyedStream(StreamExecutionEnvironment environment, PartitionTransformation<T> transformation,
            KeySelector<T, K> keySelector) {
        super(environment, transformation);
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        SingleOutputStreamOperator<T> s = keyed("Keyed Reduce",
                () -> new KeyedReduceOperator<>(FunctionCopier.copy(reducer), keySelector));
        ((OneInputTransformation<T, T>) s.transformation).setCombinable(reducer,
                () -> new KeyedReduceOperator<>(FunctionCopier.copy(reducer), keySelector, true));
        return s;
    }

    /** Sums field {@code position} of tuples (or the values themselves, position 0, for numbers). */
    public SingleOutputStreamOperator<T> sum(int position) {
        return aggregate("Sum", position, FieldAggregator.Kind.SUM);
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return aggregate("Min", position, FieldAggregator.Kind.MIN);
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return aggregate("Max", position, FieldAggregator.Kind.MAX);
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        return keyed("Keyed Process", () -> new KeyedProcessOperator<>(FunctionCopier.copy(function), keySelector));
    }

    @SuppressWarnings("unchecked")
    private SingleOutputStreamOperator<T> aggregate(String name, int position, FieldAggregator.Kind kind) {
        ReduceFunction<T> f = (ReduceFunction<T>) (ReduceFunction<?>) new FieldAggregator(position, kind);
        SingleOutputStreamOperator<T> s = keyed(name, () -> new KeyedReduceOperator<>(f, keySelector));
        s.transformation.setOutputType(transformation.getOutputType());
        ((OneInputTransformation<T, T>) s.transformation).setCombinable(f,
                () -> new KeyedReduceOperator<>(f, keySelector, true));
        return s;
    }

    private <R> SingleOutputStreamOperator<R> keyed(String name, OperatorFactory<R> factory) {
        OneInputTransformation<T, R> t = new OneInputTransformation<>(transformation, name, factory, keySelector);
        environment.addTransformation(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
