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
 * <p>A {@code sum} over Long values is added up unboxed, without a new record per input. Memory is bounded: when
 * the map holds {@link #MAX_KEYS} keys it is emitted and cleared. Task thread only.
 */
public final class LocalCombineOperator<T> extends AbstractStreamOperator<ReduceFunction<T>, Tuple2<Object, T>>
        implements OneInputStreamOperator<T, Tuple2<Object, T>> {
    /** Keys held before the partial values are sent on. */
    static final int MAX_KEYS = 1 << 18;
    private final KeySelector<T, ?> keys;
    private final FieldAggregator longSum;
    private final Map<Object, Partial> partials = new HashMap<>();

    public LocalCombineOperator(ReduceFunction<T> reducer, KeySelector<T, ?> keys) {
        super(reducer, null);
        this.keys = keys;
        this.longSum = reducer instanceof FieldAggregator f && f.isSum() ? f : null;
    }

    @Override
    public void processElement(T record) throws Exception {
        Object key = keys.getKey(record);
        Partial p = partials.get(key);
        if (p == null) {
            partials.put(key, new Partial(record));
            if (partials.size() >= MAX_KEYS) {
                emitAll();
            }
        } else {
            p.add(record);
        }
    }

    @Override
    public void finish() throws Exception {
        emitAll();
    }

    @SuppressWarnings("unchecked")
    private void emitAll() {
        for (Map.Entry<Object, Partial> e : partials.entrySet()) {
            output.collect(new Tuple2<>(e.getKey(), (T) e.getValue().value()));
        }
        partials.clear();
    }

    /** The partial value of one key: a record, or (for a sum of Longs) the first record and the running sum. */
    private final class Partial {
        private Object value;
        private long sum;
        private boolean summing;

        Partial(T first) {
            value = first;
            if (longSum != null && longSum.fieldOf(first) instanceof Long l) {
                sum = l;
                summing = true;
            }
        }

        @SuppressWarnings("unchecked")
        void add(T record) throws Exception {
            if (summing && longSum.fieldOf(record) instanceof Long l) {
                sum += l;
                return;
            }
            value = userFunction.reduce((T) value(), record);
            summing = false;
        }

        Object value() {
            return summing ? longSum.withField(value, sum) : value;
        }
    }
}
