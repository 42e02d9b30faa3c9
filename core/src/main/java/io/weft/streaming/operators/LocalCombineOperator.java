package io.weft.streaming.operators;

import io.weft.api.functions.KeySelector;
import io.weft.api.functions.ReduceFunction;
import io.weft.api.tuple.Tuple2;
import io.weft.streaming.OneInputStreamOperator;
import java.util.HashMap;
import java.util.Map;

/**
 * Pre-aggregates records per key on the sending side of a keyed reduce in BATCH mode, so that one partial value
 * per key crosses the network instead of every record. It emits {@code (key, partial value)} pairs: the key
 * travels with the partial value, because a reduce function need not preserve the key of its inputs. The keyed
 * reduce downstream combines the partial values of each key, which is correct because reduce functions are
 * associative.
 *
 * <p>Memory is bounded: when the map holds {@link #MAX_KEYS} keys it is emitted and cleared. Task thread only.
 */
public final class LocalCombineOperator<T> extends AbstractStreamOperator<ReduceFunction<T>, Tuple2<Object, T>>
        implements OneInputStreamOperator<T, Tuple2<Object, T>> {
    /** Keys held before the partial values are sent on. */
    static final int MAX_KEYS = 1 << 18;
    private final KeySelector<T, ?> keys;
    private final Map<Object, T> partials = new HashMap<>();

    public LocalCombineOperator(ReduceFunction<T> reducer, KeySelector<T, ?> keys) {
        super(reducer, null);
        this.keys = keys;
    }

    @Override
    public void processElement(T record) throws Exception {
        try {
            partials.merge(keys.getKey(record), record, this::reduce);
        } catch (CombineException e) {
            throw (Exception) e.getCause();
        }
        if (partials.size() >= MAX_KEYS) {
            emitAll();
        }
    }

    private T reduce(T a, T b) {
        try {
            return userFunction.reduce(a, b);
        } catch (Exception e) {
            throw new CombineException(e);
        }
    }

    @Override
    public void finish() throws Exception {
        emitAll();
    }

    private void emitAll() {
        for (Map.Entry<Object, T> e : partials.entrySet()) {
            output.collect(new Tuple2<>(e.getKey(), e.getValue()));
        }
        partials.clear();
    }

    /** Carries a reduce function's exception out of {@link Map#merge}; unwrapped by processElement. */
    private static final class CombineException extends RuntimeException {
        CombineException(Exception cause) {
            super(cause);
        }
    }
}
