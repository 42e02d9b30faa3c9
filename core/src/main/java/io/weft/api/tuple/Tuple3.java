package io.weft.api.tuple;

import java.util.Objects;

/** A mutable triple with public fields, as in Flink; fields may be null. */
public final class Tuple3<T0, T1, T2> {
    public T0 f0;
    public T1 f1;
    public T2 f2;

    public Tuple3() {
    }

    public Tuple3(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
        return new Tuple3<>(f0, f1, f2);
    }

    /** Field by position: 0, 1 or 2. */
    public Object getField(int pos) {
        return switch (pos) {
            case 0 -> f0;
            case 1 -> f1;
            case 2 -> f2;
            default -> throw new IndexOutOfBoundsException("Tuple3 has fields 0 to 2, not " + pos);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple3<?, ?, ?> t && Objects.equals(f0, t.f0) && Objects.equals(f1, t.f1)
                && Objects.equals(f2, t.f2);
    }

    @Override
    public int hashCode() {
        return Objects.hash(f0, f1, f2);
    }

    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + "," + f2 + ")";
    }
}
