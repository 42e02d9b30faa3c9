package io.weft.api.state;

/** Describes a {@link ValueState}. */
public final class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>> {
    public ValueStateDescriptor(String name) {
        super(name);
    }

    /** The type argument documents the value type; values are kept as objects on the heap. */
    public ValueStateDescriptor(String name, Class<T> type) {
        super(name);
    }

    @Override
    public Kind getKind() {
        return Kind.VALUE;
    }
}
