package io.weft.api.tuple;

import java.util.Objects;

/** A mutable pair with public fields, as in Flink; fields may be null. */
public final class Tuple2<T0, T1> {
    public T0 f0;
    public T1 f1;

    public Tuple2() {
    }

    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    /** Field by position: 0 or 1. */
    public Object getField(int pos) {
        return switch (pos) {
            case 0 -> f0;
            case 1 -> f1;
            default -> throw new IndexOutOfBoundsException("Tuple2 has fields 0 and 1, not " + pos);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple2<?, ?> t && Objects.equals(f0, t.f0) && Objects.equals(f1, t.f1);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(f0) + Objects.hashCode(f1);
    }

    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + ")";
    }
}
