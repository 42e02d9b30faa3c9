package io.weft.runtime.state;

import io.weft.api.functions.ReduceFunction;
import io.weft.api.state.ReducingState;

/** {@link ReducingState} of the current key on the heap; task thread only. */
final class HeapReducingState<T> implements ReducingState<T> {
    private final HeapKeyedStateBackend backend;
    private final HeapKeyedStateBackend.StateTable table;
    private final ReduceFunction<T> reducer;

    HeapReducingState(HeapKeyedStateBackend backend, HeapKeyedStateBackend.StateTable table,
            ReduceFunction<T> reducer) {
        this.backend = backend;
        this.table = table;
        this.reducer = reducer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) backend.get(table);
    }

    @Override
    public void add(T value) throws Exception {
        T current = get();
        backend.put(table, current == null ? value : reducer.reduce(current, value));
    }

    @Override
    public void clear() {
        backend.put(table, null);
    }
}
