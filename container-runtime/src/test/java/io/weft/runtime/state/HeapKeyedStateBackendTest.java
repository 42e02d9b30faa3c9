package io.weft.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.state.ListState;
import io.weft.api.state.ListStateDescriptor;
import io.weft.api.state.MapState;
import io.weft.api.state.MapStateDescriptor;
import io.weft.api.state.ReducingState;
import io.weft.api.state.ReducingStateDescriptor;
import io.weft.api.state.ValueState;
import io.weft.api.state.ValueStateDescriptor;
import io.weft.runtime.KeyGroupRangeAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {
    private static final int MAX = 128;

    private final HeapKeyedStateBackend backend = new HeapKeyedStateBackend(MAX, 1, 0, "Keyed Process (1/1)");

    private final ValueState<Long> count = backend.getOrCreateState(new ValueStateDescriptor<>("count", Long.class));

    @Test
    void valueStateKeepsOneValuePerKey() {
        backend.setCurrentKey("a");
        assertThat(count.value()).isNull();
        count.update(1L);
        backend.setCurrentKey("b");
        assertThat(count.value()).as("b sees nothing of a").isNull();
        count.update(2L);
        backend.setCurrentKey("a");
        assertThat(count.value()).isEqualTo(1L);
        count.update(count.value() + 10);
        backend.setCurrentKey("b");
        assertThat(count.value()).isEqualTo(2L);
        backend.setCurrentKey("a");
        assertThat(count.value()).isEqualTo(11L);
        assertThat(backend.getCurrentKey()).isEqualTo("a");
    }

    @Test
    void keysAreComparedByEquality() {
        backend.setCurrentKey(new String("key"));
        count.update(5L);
        backend.setCurrentKey("key");
        assertThat(count.value()).isEqualTo(5L);
        backend.setCurrentKey(7L);
        assertThat(count.value()).as("Long 7 differs from the other keys").isNull();
    }

    @Test
    void clearAffectsOnlyTheCurrentKey() {
        backend.setCurrentKey("a");
        count.update(1L);
        backend.setCurrentKey("b");
        count.update(2L);
        count.clear();
        assertThat(count.value()).isNull();
        backend.setCurrentKey("a");
        assertThat(count.value()).isEqualTo(1L);
        assertThat(backend.numKeys("count")).isEqualTo(1);
    }

    @Test
    void updatingToNullRemovesTheKey() {
        backend.setCurrentKey("a");
        count.update(1L);
        assertThat(backend.numKeys("count")).isEqualTo(1);
        count.update(null);
        assertThat(count.value()).isNull();
        assertThat(backend.numKeys("count")).isZero();
    }

    @Test
    void numKeysCountsKeysWithAValueInTheNamedState() {
        ValueState<String> other = backend.getOrCreateState(new ValueStateDescriptor<>("other", String.class));
        for (int k = 0; k < 500; k++) {
            backend.setCurrentKey(k);
            count.update((long) k);
            if (k % 5 == 0) {
                other.update("v");
            }
        }
        assertThat(backend.numKeys("count")).isEqualTo(500);
        assertThat(backend.numKeys("other")).isEqualTo(100);
        assertThat(backend.numKeys("never-created")).isZero();
    }

    @Test
    void statesOfDifferentNamesAreIndependent() {
        ValueState<Long> second = backend.getOrCreateState(new ValueStateDescriptor<>("second", Long.class));
        backend.setCurrentKey("k");
        count.update(1L);
        second.update(2L);
        count.clear();
        assertThat(second.value()).isEqualTo(2L);
    }

    @Test
    void sameNameAndKindGivesTheSameStateObject() {
        assertThat(backend.getOrCreateState(new ValueStateDescriptor<Long>("count"))).isSameAs(count);
    }

    @Test
    void sameNameWithADifferentKindFailsNamingBothKinds() {
        assertThatThrownBy(() -> backend.getOrCreateState(new ListStateDescriptor<Long>("count")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'count'")
                .hasMessageContaining("Keyed Process (1/1)")
                .hasMessageContaining("VALUE")
                .hasMessageContaining("LIST");
        assertThatThrownBy(() -> backend.getOrCreateState(new ReducingStateDescriptor<Long>("count", Long::sum)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REDUCING");
    }

    @Test
    void listStateAppendsPerKey() {
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("list", String.class));
        backend.setCurrentKey(1);
        assertThat(list.get()).isNotNull().isEmpty();
        list.add("a");
        list.add("b");
        backend.setCurrentKey(2);
        list.addAll(List.of("x", "y", "z"));
        backend.setCurrentKey(1);
        assertThat(list.get()).containsExactly("a", "b");
        backend.setCurrentKey(2);
        assertThat(list.get()).containsExactly("x", "y", "z");
    }

    @Test
    void listStateGetReturnsACopy() {
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("list", String.class));
        backend.setCurrentKey(1);
        list.add("a");
        List<String> copy = (List<String>) list.get();
        copy.add("sneaky");
        assertThat(list.get()).containsExactly("a");
    }

    @Test
    void listStateUpdateReplacesAndEmptyUpdateClears() {
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("list", String.class));
        backend.setCurrentKey(1);
        list.add("old");
        List<String> replacement = new ArrayList<>(List.of("n1", "n2"));
        list.update(replacement);
        replacement.add("later");
        assertThat(list.get()).containsExactly("n1", "n2");
        list.update(List.of());
        assertThat(list.get()).isEmpty();
        assertThat(backend.numKeys("list")).isZero();
        list.add("again");
        list.clear();
        assertThat(list.get()).isEmpty();
        assertThat(backend.numKeys("list")).isZero();
    }

    @Test
    void mapStatePerKey() {
        MapState<String, Integer> map = backend.getOrCreateState(
                new MapStateDescriptor<>("map", String.class, Integer.class));
        backend.setCurrentKey("k1");
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get("a")).isNull();
        map.put("a", 1);
        map.putAll(Map.of("b", 2, "c", 3));
        backend.setCurrentKey("k2");
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.contains("a")).isFalse();
        map.put("a", 100);
        backend.setCurrentKey("k1");
        assertThat(map.get("a")).isEqualTo(1);
        assertThat(map.contains("b")).isTrue();
        assertThat(map.keys()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(map.values()).containsExactlyInAnyOrder(1, 2, 3);
        Map<String, Integer> entries = new HashMap<>();
        map.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
        assertThat(entries).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
        backend.setCurrentKey("k2");
        assertThat(map.get("a")).isEqualTo(100);
    }

    @Test
    void mapStateRemovingTheLastEntryRemovesTheKey() {
        MapState<String, Integer> map = backend.getOrCreateState(new MapStateDescriptor<String, Integer>("map"));
        backend.setCurrentKey("k");
        map.put("a", 1);
        map.put("b", 2);
        map.remove("a");
        assertThat(map.contains("a")).isFalse();
        assertThat(backend.numKeys("map")).isEqualTo(1);
        map.remove("b");
        assertThat(map.isEmpty()).isTrue();
        assertThat(backend.numKeys("map")).isZero();
        map.remove("absent");
        map.put("c", 3);
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        assertThat(backend.numKeys("map")).isZero();
    }

    @Test
    void mapStateViewsAreSnapshots() {
        MapState<String, Integer> map = backend.getOrCreateState(new MapStateDescriptor<String, Integer>("map"));
        backend.setCurrentKey("k");
        map.put("a", 1);
        Iterable<String> keys = map.keys();
        map.put("b", 2);
        assertThat(keys).containsExactly("a");
    }

    @Test
    void mapStateAcceptsNullValuesAndReturnsThemFromEveryView() {
        MapState<String, Integer> map = backend.getOrCreateState(new MapStateDescriptor<String, Integer>("map"));
        backend.setCurrentKey("k");
        map.put("present", 1);
        map.put("nothing", null);
        assertThat(map.contains("nothing")).isTrue();
        assertThat(map.get("nothing")).isNull();
        assertThat(map.keys()).containsExactlyInAnyOrder("present", "nothing");
        assertThat(map.values()).containsExactlyInAnyOrder(1, null);
        assertThat(map.entries()).hasSize(2);
    }

    @Test
    void reducingStateCombinesAddedValuesPerKey() throws Exception {
        ReducingState<Integer> sum = backend.getOrCreateState(new ReducingStateDescriptor<>("sum", Integer::sum));
        backend.setCurrentKey("a");
        assertThat(sum.get()).isNull();
        sum.add(3);
        sum.add(4);
        backend.setCurrentKey("b");
        sum.add(10);
        backend.setCurrentKey("a");
        assertThat(sum.get()).isEqualTo(7);
        sum.clear();
        assertThat(sum.get()).isNull();
        sum.add(1);
        assertThat(sum.get()).as("starts over after clear").isEqualTo(1);
        backend.setCurrentKey("b");
        assertThat(sum.get()).isEqualTo(10);
    }

    @Test
    void reducingStateUsesTheDescriptorsFunctionInArrivalOrder() throws Exception {
        ReducingState<String> joined = backend.getOrCreateState(
                new ReducingStateDescriptor<>("joined", (x, y) -> x + "," + y, String.class));
        backend.setCurrentKey(1);
        joined.add("a");
        joined.add("b");
        joined.add("c");
        assertThat(joined.get()).isEqualTo("a,b,c");
    }

    @Test
    void exceptionOfTheReduceFunctionPropagatesAndKeepsTheOldValue() throws Exception {
        ReducingState<Integer> failing = backend.getOrCreateState(new ReducingStateDescriptor<Integer>("failing",
                (x, y) -> {
                    throw new IllegalArgumentException("no " + y);
                }));
        backend.setCurrentKey(1);
        failing.add(5);
        assertThatThrownBy(() -> failing.add(6)).isInstanceOf(IllegalArgumentException.class).hasMessage("no 6");
        assertThat(failing.get()).isEqualTo(5);
    }

    @Test
    void forEachKeyVisitsEveryKeyOnceWithTheCurrentKeySet() {
        for (int k = 0; k < 300; k++) {
            backend.setCurrentKey(k);
            count.update(k * 2L);
        }
        backend.setCurrentKey(42);
        count.clear();
        List<Object> visited = new ArrayList<>();
        backend.forEachKey(new ValueStateDescriptor<Long>("count"), (key, state) -> {
            assertThat(backend.getCurrentKey()).isEqualTo(key);
            assertThat(state).isSameAs(count);
            assertThat(state.value()).isEqualTo((Integer) key * 2L);
            visited.add(key);
        });
        assertThat(visited).doesNotHaveDuplicates().hasSize(299);
        assertThat(new HashSet<>(visited)).isEqualTo(
                IntStream.range(0, 300).filter(k -> k != 42).boxed().collect(Collectors.toSet()));
    }

    @Test
    void forEachKeyActionMayClearTheVisitedKey() {
        for (int k = 0; k < 50; k++) {
            backend.setCurrentKey(k);
            count.update(1L);
        }
        List<Object> visited = new ArrayList<>();
        backend.forEachKey(new ValueStateDescriptor<Long>("count"), (key, state) -> {
            visited.add(key);
            state.clear();
        });
        assertThat(visited).hasSize(50);
        assertThat(backend.numKeys("count")).isZero();
    }

    @Test
    void forEachKeyOfAStateNeverCreatedVisitsNothing() {
        List<Object> visited = new ArrayList<>();
        backend.forEachKey(new ListStateDescriptor<String>("never"), (key, state) -> visited.add(key));
        assertThat(visited).isEmpty();
    }

    @Test
    void stateAccessBeforeAnyKeyIsSetFailsInsteadOfStoringUnderANullKey() {
        HeapKeyedStateBackend fresh = new HeapKeyedStateBackend(MAX, 1, 0, "Keyed Process (1/1)");
        ValueState<String> v = fresh.getOrCreateState(new ValueStateDescriptor<>("v", String.class));
        assertThatThrownBy(() -> v.update("orphan"))
                .isInstanceOfAny(IllegalStateException.class, NullPointerException.class)
                .hasMessageContaining("key");
        assertThat(fresh.numKeys("v")).isZero();
    }

    @Test
    void nullKeyIsRejectedNamingTheOperator() {
        assertThatThrownBy(() -> backend.setCurrentKey(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Keyed Process (1/1)");
    }

    @Test
    void keyOutsideTheSubtasksKeyGroupRangeIsRejectedWithAMessage() {
        HeapKeyedStateBackend firstOfTwo = new HeapKeyedStateBackend(MAX, 2, 0, "Keyed Reduce (1/2)");
        int foreign = IntStream.range(0, 1000)
                .filter(k -> KeyGroupRangeAssignment.assignToKeyGroup(k, MAX) >= 64).findFirst().getAsInt();
        int group = KeyGroupRangeAssignment.assignToKeyGroup(foreign, MAX);
        assertThatThrownBy(() -> firstOfTwo.setCurrentKey(foreign))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Key " + foreign)
                .hasMessageContaining("key group " + group)
                .hasMessageContaining("Keyed Reduce (1/2)")
                .hasMessageContaining("partitioned by this key");
    }

    @Test
    void eachSubtaskAcceptsExactlyTheKeysThePartitionerSendsIt() {
        int parallelism = 3;
        List<HeapKeyedStateBackend> subtasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            subtasks.add(new HeapKeyedStateBackend(MAX, parallelism, i, "op (" + (i + 1) + "/3)"));
        }
        for (int k = 0; k < 2000; k++) {
            String key = "key-" + k;
            int owner = KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(MAX, parallelism,
                    KeyGroupRangeAssignment.assignToKeyGroup(key, MAX));
            for (int i = 0; i < parallelism; i++) {
                HeapKeyedStateBackend b = subtasks.get(i);
                if (i == owner) {
                    b.setCurrentKey(key);
                    assertThat(b.getCurrentKey()).isEqualTo(key);
                } else {
                    int subtask = i;
                    assertThatThrownBy(() -> b.setCurrentKey(key)).as("%s on subtask %d", key, subtask)
                            .isInstanceOf(IllegalStateException.class);
                }
            }
        }
    }

    @Test
    void rejectedKeyLeavesTheCurrentKeyUnchanged() {
        HeapKeyedStateBackend firstOfTwo = new HeapKeyedStateBackend(MAX, 2, 0, "op");
        ValueState<String> v = firstOfTwo.getOrCreateState(new ValueStateDescriptor<>("v", String.class));
        int own = IntStream.range(0, 1000).filter(k -> KeyGroupRangeAssignment.assignToKeyGroup(k, MAX) < 64)
                .findFirst().getAsInt();
        int foreign = IntStream.range(0, 1000).filter(k -> KeyGroupRangeAssignment.assignToKeyGroup(k, MAX) >= 64)
                .findFirst().getAsInt();
        firstOfTwo.setCurrentKey(own);
        v.update("mine");
        assertThatThrownBy(() -> firstOfTwo.setCurrentKey(foreign)).isInstanceOf(IllegalStateException.class);
        assertThat(firstOfTwo.getCurrentKey()).isEqualTo(own);
        assertThat(v.value()).isEqualTo("mine");
    }
}
