package io.weft.runtime.state;

import io.weft.api.state.MapState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link MapState} of the current key on the heap; task thread only. */
final class HeapMapState<K, V> implements MapState<K, V> {
    private final HeapKeyedStateBackend backend;
    private final HeapKeyedStateBackend.StateTable table;

    HeapMapState(HeapKeyedStateBackend backend, HeapKeyedStateBackend.StateTable table) {
        this.backend = backend;
        this.table = table;
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> map(boolean create) {
        Map<K, V> m = (Map<K, V>) backend.get(table);
        if (m == null && create) {
            m = new HashMap<>();
            backend.put(table, m);
        }
        return m;
    }

    @Override
    public V get(K key) {
        Map<K, V> m = map(false);
        return m == null ? null : m.get(key);
    }

    @Override
    public void put(K key, V value) {
        map(true).put(key, value);
    }

    @Override
    public void putAll(Map<K, V> values) {
        map(true).putAll(values);
    }

    @Override
    public void remove(K key) {
        Map<K, V> m = map(false);
        if (m != null) {
            m.remove(key);
            if (m.isEmpty()) {
                backend.put(table, null);
            }
        }
    }

    @Override
    public boolean contains(K key) {
        Map<K, V> m = map(false);
        return m != null && m.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        Map<K, V> m = map(false);
        return m == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(new HashMap<>(m).entrySet()));
    }

    @Override
    public Iterable<K> keys() {
        Map<K, V> m = map(false);
        return m == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(m.keySet()));
    }

    @Override
    public Iterable<V> values() {
        Map<K, V> m = map(false);
        return m == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(m.values()));
    }

    @Override
    public boolean isEmpty() {
        Map<K, V> m = map(false);
        return m == null || m.isEmpty();
    }

    @Override
    public void clear() {
        backend.put(table, null);
    }
}
