package io.weft.runtime.state;

import io.weft.api.state.ListState;
import java.util.ArrayList;
import java.util.List;

/** {@link ListState} of the current key on the heap; task thread only. */
final class HeapListState<T> implements ListState<T> {
    private final HeapKeyedStateBackend backend;
    private final HeapKeyedStateBackend.StateTable table;

    HeapListState(HeapKeyedStateBackend backend, HeapKeyedStateBackend.StateTable table) {
        this.backend = backend;
        this.table = table;
    }

    @SuppressWarnings("unchecked")
    private List<T> list() {
        return (List<T>) backend.get(table);
    }

    @Override
    public Iterable<T> get() {
        List<T> l = list();
        return l == null ? List.of() : new ArrayList<>(l);
    }

    @Override
    public void add(T value) {
        List<T> l = list();
        if (l == null) {
            l = new ArrayList<>();
            backend.put(table, l);
        }
        l.add(value);
    }

    @Override
    public void addAll(List<T> values) {
        for (T v : values) {
            add(v);
        }
    }

    @Override
    public void update(List<T> values) {
        backend.put(table, values == null || values.isEmpty() ? null : new ArrayList<>(values));
    }

    @Override
    public void clear() {
        backend.put(table, null);
    }
}
