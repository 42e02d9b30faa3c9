package io.weft.runtime.state;

import io.weft.api.state.ReducingStateDescriptor;
import io.weft.api.state.State;
import io.weft.api.state.StateDescriptor;
import io.weft.runtime.KeyGroupRangeAssignment;
import io.weft.streaming.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Keyed state on the heap, partitioned by key group: every state keeps one hash map per key group of this
 * subtask's range, so a snapshot or a rescale can move whole key groups.
 *
 * <p>Task thread only.
 */
public final class HeapKeyedStateBackend implements KeyedStateBackend {
    private final int maxParallelism;
    private final int firstKeyGroup;
    private final int numKeyGroups;
    private final String owner;
    private final Map<String, StateTable> tables = new HashMap<>();
    private final Map<String, State> states = new HashMap<>();
    private Object currentKey;
    private int currentGroup;
    // the cell of the current key last looked up, so that value() followed by update() costs one hash lookup
    private StateTable cachedTable;
    private Cell cachedCell;

    public HeapKeyedStateBackend(int maxParallelism, int parallelism, int subtaskIndex, String owner) {
        this.maxParallelism = maxParallelism;
        this.firstKeyGroup = KeyGroupRangeAssignment.firstKeyGroup(maxParallelism, parallelism, subtaskIndex);
        this.numKeyGroups = KeyGroupRangeAssignment.lastKeyGroup(maxParallelism, parallelism, subtaskIndex)
                - firstKeyGroup + 1;
        this.owner = owner;
    }

    @Override
    public void setCurrentKey(Object key) {
        if (key == null) {
            throw new NullPointerException("Null key in " + owner + ": keys must not be null");
        }
        int group = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism) - firstKeyGroup;
        if (group < 0 || group >= numKeyGroups) {
            throw new IllegalStateException("Key " + key + " belongs to key group " + (group + firstKeyGroup)
                    + ", outside the range of " + owner + ": the key's hashCode() is not stable across JVMs"
                    + " or the stream was not partitioned by this key");
        }
        currentKey = key;
        currentGroup = group;
        cachedTable = null;
    }

    @Override
    public Object getCurrentKey() {
        return currentKey;
    }

    Object get(StateTable t) {
        Cell c = cell(t, false);
        return c == null ? null : c.get();
    }

    void put(StateTable t, Object value) {
        if (value == null) {
            t.groups[currentGroup].remove(currentKey);
            if (cachedTable == t) {
                cachedCell = null;
            }
        } else {
            cell(t, true).set(value);
        }
    }

    private Cell cell(StateTable t, boolean create) {
        if (cachedTable == t && (cachedCell != null || !create)) {
            return cachedCell;
        }
        if (currentKey == null) {
            throw new IllegalStateException("Keyed state of " + owner + " used while no key is set: use it in"
                    + " processElement or onTimer, not in open or close");
        }
        Map<Object, Cell> m = t.groups[currentGroup];
        Cell c = m.get(currentKey);
        if (c == null && create) {
            c = new Cell();
            m.put(currentKey, c);
        }
        cachedTable = t;
        cachedCell = c;
        return c;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getOrCreateState(StateDescriptor<S> d) {
        State s = states.get(d.getName());
        if (s != null) {
            if (tables.get(d.getName()).kind != d.getKind()) {
                throw new IllegalStateException("State '" + d.getName() + "' of " + owner + " was created as "
                        + tables.get(d.getName()).kind + " and is now requested as " + d.getKind());
            }
            return (S) s;
        }
        StateTable t = new StateTable(d.getKind(), numKeyGroups);
        tables.put(d.getName(), t);
        s = switch (d.getKind()) {
            case VALUE -> new HeapValueState<>(this, t);
            case LIST -> new HeapListState<>(this, t);
            case MAP -> new HeapMapState<>(this, t);
            case REDUCING -> new HeapReducingState<>(this, t,
                    ((ReducingStateDescriptor<Object>) (ReducingStateDescriptor<?>) d).getReduceFunction());
        };
        states.put(d.getName(), s);
        return (S) s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> void forEachKey(StateDescriptor<S> d, BiConsumer<Object, S> action) {
        StateTable t = tables.get(d.getName());
        if (t == null) {
            return;
        }
        S state = getOrCreateState(d);
        for (int g = 0; g < numKeyGroups; g++) {
            List<Object> keys = new ArrayList<>(t.groups[g].keySet());
            for (Object k : keys) {
                currentKey = k;
                currentGroup = g;
                cachedTable = null;
                action.accept(k, state);
            }
        }
    }

    @Override
    public int numKeys(String stateName) {
        StateTable t = tables.get(stateName);
        if (t == null) {
            return 0;
        }
        int n = 0;
        for (Map<Object, Cell> m : t.groups) {
            n += m.size();
        }
        return n;
    }

    /**
     * The value of one key in one state. A Long is kept unboxed: storing a fresh box into a long-lived cell on
     * every update costs the garbage collector a card mark, and a box handed out by {@link #get()} usually never
     * leaves the caller, so the JIT can remove it.
     */
    private static final class Cell {
        private Object value;
        private long longValue;
        private boolean isLong;

        Object get() {
            return isLong ? Long.valueOf(longValue) : value;
        }

        void set(Object v) {
            if (v instanceof Long l) {
                longValue = l;
                isLong = true;
                value = null;
            } else {
                value = v;
                isLong = false;
            }
        }
    }

    /** The values of one state, one map per key group. */
    static final class StateTable {
        final StateDescriptor.Kind kind;
        final Map<Object, Cell>[] groups;

        @SuppressWarnings("unchecked")
        StateTable(StateDescriptor.Kind kind, int numKeyGroups) {
            this.kind = kind;
            this.groups = new Map[numKeyGroups];
            for (int i = 0; i < numKeyGroups; i++) {
                groups[i] = new HashMap<>();
            }
        }
    }
}
