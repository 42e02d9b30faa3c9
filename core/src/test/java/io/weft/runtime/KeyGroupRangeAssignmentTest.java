package io.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyGroupRangeAssignmentTest {
    static Stream<Arguments> maxParallelismAndParallelism() {
        List<Arguments> all = new ArrayList<>();
        for (int max : new int[] {128, 7, 100, 1, 32768}) {
            for (int p = 1; p <= Math.min(8, max); p++) {
                all.add(Arguments.of(max, p));
            }
        }
        all.add(Arguments.of(128, 128));
        all.add(Arguments.of(100, 99));
        all.add(Arguments.of(7, 7));
        // the largest allowed values, where the range arithmetic comes closest to int overflow
        all.add(Arguments.of(32768, 32768));
        all.add(Arguments.of(32768, 32767));
        all.add(Arguments.of(32768, 1000));
        return all.stream();
    }

    @ParameterizedTest(name = "max {0}, parallelism {1}")
    @MethodSource("maxParallelismAndParallelism")
    void everyKeyGroupIsOwnedByExactlyOneSubtask(int max, int parallelism) {
        int[] owners = new int[max];
        Arrays.fill(owners, -1);
        for (int subtask = 0; subtask < parallelism; subtask++) {
            int first = KeyGroupRangeAssignment.firstKeyGroup(max, parallelism, subtask);
            int last = KeyGroupRangeAssignment.lastKeyGroup(max, parallelism, subtask);
            for (int g = first; g <= last; g++) {
                assertThat(owners[g]).as("owner of key group %d before subtask %d claims it", g, subtask)
                        .isEqualTo(-1);
                owners[g] = subtask;
            }
        }
        for (int g = 0; g < max; g++) {
            assertThat(owners[g]).as("owner of key group %d", g).isNotNegative();
        }
    }

    @ParameterizedTest(name = "max {0}, parallelism {1}")
    @MethodSource("maxParallelismAndParallelism")
    void rangesAreContiguousAscendingAndNonEmpty(int max, int parallelism) {
        int expectedFirst = 0;
        for (int subtask = 0; subtask < parallelism; subtask++) {
            int first = KeyGroupRangeAssignment.firstKeyGroup(max, parallelism, subtask);
            int last = KeyGroupRangeAssignment.lastKeyGroup(max, parallelism, subtask);
            assertThat(first).as("first group of subtask %d", subtask).isEqualTo(expectedFirst);
            assertThat(last).as("last group of subtask %d", subtask).isGreaterThanOrEqualTo(first);
            expectedFirst = last + 1;
        }
        assertThat(expectedFirst).isEqualTo(max);
    }

    @ParameterizedTest(name = "max {0}, parallelism {1}")
    @MethodSource("maxParallelismAndParallelism")
    void rangeBoundsAgreeWithTheOperatorIndexOfEveryKeyGroup(int max, int parallelism) {
        for (int g = 0; g < max; g++) {
            int owner = KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(max, parallelism, g);
            assertThat(owner).isBetween(0, parallelism - 1);
            assertThat(g).as("key group %d of subtask %d", g, owner)
                    .isBetween(KeyGroupRangeAssignment.firstKeyGroup(max, parallelism, owner),
                            KeyGroupRangeAssignment.lastKeyGroup(max, parallelism, owner));
        }
    }

    @ParameterizedTest(name = "max {0}, parallelism {1}")
    @MethodSource("maxParallelismAndParallelism")
    void rangeSizesDifferByAtMostOne(int max, int parallelism) {
        Set<Integer> sizes = new HashSet<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            sizes.add(KeyGroupRangeAssignment.lastKeyGroup(max, parallelism, subtask)
                    - KeyGroupRangeAssignment.firstKeyGroup(max, parallelism, subtask) + 1);
        }
        assertThat(sizes).hasSizeLessThanOrEqualTo(2);
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().getAsInt()
                - sizes.stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThanOrEqualTo(1);
    }

    @Test
    void threeSubtasksOf128KeyGroupsMatchTheFormulaInTheClassComment() {
        // subtask i of n owns [ceil(i*max/n), ceil((i+1)*max/n))
        assertThat(KeyGroupRangeAssignment.firstKeyGroup(128, 3, 0)).isZero();
        assertThat(KeyGroupRangeAssignment.lastKeyGroup(128, 3, 0)).isEqualTo(42);
        assertThat(KeyGroupRangeAssignment.firstKeyGroup(128, 3, 1)).isEqualTo(43);
        assertThat(KeyGroupRangeAssignment.lastKeyGroup(128, 3, 1)).isEqualTo(85);
        assertThat(KeyGroupRangeAssignment.firstKeyGroup(128, 3, 2)).isEqualTo(86);
        assertThat(KeyGroupRangeAssignment.lastKeyGroup(128, 3, 2)).isEqualTo(127);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, -1, 42, Integer.MIN_VALUE, Integer.MAX_VALUE, -123456789, 0x80000001})
    void keyGroupOfAnyHashIsWithinRange(int hash) {
        for (int max : new int[] {1, 7, 100, 128, 32768}) {
            assertThat(KeyGroupRangeAssignment.computeKeyGroupForKeyHash(hash, max)).as("hash %d, max %d", hash, max)
                    .isBetween(0, max - 1);
        }
    }

    @Test
    void keysWithNegativeHashCodesGetAKeyGroupWithinRange() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Object key = new FixedHash(-1 - random.nextInt(Integer.MAX_VALUE));
            assertThat(KeyGroupRangeAssignment.assignToKeyGroup(key, 128)).isBetween(0, 127);
            assertThat(KeyGroupRangeAssignment.assignToKeyGroup(key, 100)).isBetween(0, 99);
        }
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup(new FixedHash(Integer.MIN_VALUE), 128)).isBetween(0, 127);
    }

    @Test
    void assignmentDependsOnlyOnTheHashCode() {
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup("weft", 128))
                .isEqualTo(KeyGroupRangeAssignment.computeKeyGroupForKeyHash("weft".hashCode(), 128))
                .isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup(new FixedHash("weft".hashCode()), 128));
    }

    @Test
    void consecutiveIntegerKeysAreSpreadEvenlyOverAllKeyGroups() {
        int[] counts = new int[128];
        IntStream.range(0, 128_000).forEach(k -> counts[KeyGroupRangeAssignment.assignToKeyGroup(k, 128)]++);
        for (int g = 0; g < 128; g++) {
            assertThat(counts[g]).as("keys in group %d (1000 expected)", g).isBetween(800, 1200);
        }
    }

    @Test
    void keysSpacedByTheMaxParallelismDoNotCollideInOneKeyGroup() {
        // plain hashCode modulo 128 would put all of these into group 0; the hash is mixed first
        Set<Integer> groupsOfStride = new HashSet<>();
        for (int k = 0; k < 1000; k++) {
            groupsOfStride.add(KeyGroupRangeAssignment.assignToKeyGroup(k * 128, 128));
        }
        assertThat(groupsOfStride).hasSizeGreaterThan(100);
    }

    private record FixedHash(int hash) {
        @Override
        public int hashCode() {
            return hash;
        }
    }
}
