package io.weft.runtime.state;

import io.weft.api.state.ValueState;

/** {@link ValueState} of the current key on the heap; task thread only. */
final class HeapValueState<T> implements ValueState<T> {
    private final HeapKeyedStateBackend backend;
    private final HeapKeyedStateBackend.StateTable table;

    HeapValueState(HeapKeyedStateBackend backend, HeapKeyedStateBackend.StateTable table) {
        this.backend = backend;
        this.table = table;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        return (T) backend.get(table);
    }

    @Override
    public void update(T value) {
        backend.put(table, value);
    }

    @Override
    public void clear() {
        backend.put(table, null);
    }
}
