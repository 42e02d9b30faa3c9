package io.weft.streaming.operators;

import io.weft.api.functions.ReduceFunction;
import io.weft.api.tuple.Tuple2;
import io.weft.api.tuple.Tuple3;

/**
 * The reduce function behind {@code sum}, {@code min} and {@code max}: aggregates one numeric field of a tuple
 * (the other fields are taken from the first record of the key), or the value itself for a stream of numbers
 * (position 0).
 *
 * <p>Stateless; safe to share.
 */
public final class FieldAggregator implements ReduceFunction<Object> {
    /** The aggregation. */
    public enum Kind { SUM, MIN, MAX }

    private final int position;
    private final Kind kind;

    public FieldAggregator(int position, Kind kind) {
        this.position = position;
        this.kind = kind;
    }

    /** Whether this sums a field whose values, when they are Longs, may be added up unboxed. */
    boolean isSum() {
        return kind == Kind.SUM;
    }

    /** The aggregated field of a record (the record itself for position 0 of a plain value). */
    Object fieldOf(Object record) {
        if (record instanceof Tuple2<?, ?> t) {
            return t.getField(position);
        }
        if (record instanceof Tuple3<?, ?, ?> t) {
            return t.getField(position);
        }
        return position == 0 ? record : null;
    }

    /** A copy of {@code record} with the aggregated field replaced by {@code value}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object withField(Object record, Object value) {
        if (record instanceof Tuple2 t) {
            return position == 0 ? new Tuple2<>(value, t.f1) : new Tuple2<>(t.f0, value);
        }
        if (record instanceof Tuple3 t) {
            return switch (position) {
                case 0 -> new Tuple3<>(value, t.f1, t.f2);
                case 1 -> new Tuple3<>(t.f0, value, t.f2);
                default -> new Tuple3<>(t.f0, t.f1, value);
            };
        }
        return value;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object reduce(Object a, Object b) {
        if (position == 1 && kind == Kind.SUM && a instanceof Tuple2 t1 && b instanceof Tuple2 t2
                && t1.f1 instanceof Long x && t2.f1 instanceof Long y) {
            // the common case (word counts): one allocation less than the general path
            return new Tuple2<>(t1.f0, x + y);
        }
        if (a instanceof Tuple2 t1 && b instanceof Tuple2 t2) {
            Tuple2 r = new Tuple2<>(t1.f0, t1.f1);
            Object v = combine(t1.getField(position), t2.getField(position));
            if (position == 0) {
                r.f0 = v;
            } else {
                r.f1 = v;
            }
            return r;
        }
        if (a instanceof Tuple3 t1 && b instanceof Tuple3 t2) {
            Tuple3 r = new Tuple3<>(t1.f0, t1.f1, t1.f2);
            Object v = combine(t1.getField(position), t2.getField(position));
            switch (position) {
                case 0 -> r.f0 = v;
                case 1 -> r.f1 = v;
                default -> r.f2 = v;
            }
            return r;
        }
        if (position != 0) {
            throw new IllegalArgumentException("Field position " + position + " needs a tuple, not "
                    + a.getClass().getName());
        }
        return combine(a, b);
    }

    private Object combine(Object x, Object y) {
        if (x instanceof Long a && y instanceof Long b) {
            return switch (kind) {
                case SUM -> a + b;
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
            };
        }
        if (x instanceof Integer a && y instanceof Integer b) {
            return switch (kind) {
                case SUM -> a + b;
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
            };
        }
        if (x instanceof Number a && y instanceof Number b) {
            double p = a.doubleValue();
            double q = b.doubleValue();
            return switch (kind) {
                case SUM -> p + q;
                case MIN -> Math.min(p, q);
                case MAX -> Math.max(p, q);
            };
        }
        throw new IllegalArgumentException("Cannot " + kind.name().toLowerCase() + " values of "
                + (x == null ? "null" : x.getClass().getName()) + ": the field must be numeric");
    }
}
