package io.weft.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkBufferPoolTest {
    @Test
    void excessSegmentsAreHandedOutUpToTheTotalThenNone() {
        NetworkBufferPool pool = new NetworkBufferPool(3, 64);
        assertThat(pool.availableSegments()).isEqualTo(3);
        List<byte[]> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] s = pool.tryRequestExcess();
            assertThat(s).hasSize(64);
            taken.add(s);
            assertThat(pool.availableSegments()).isEqualTo(2 - i);
        }
        assertThat(pool.tryRequestExcess()).isNull();
        Set<byte[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(taken);
        assertThat(distinct).hasSize(3);
    }

    @Test
    void recycledSegmentsAreReused() {
        NetworkBufferPool pool = new NetworkBufferPool(1, 128);
        byte[] s = pool.tryRequestExcess();
        pool.recycle(s, true);
        assertThat(pool.availableSegments()).isEqualTo(1);
        assertThat(pool.tryRequestExcess()).isSameAs(s);
    }

    @Test
    void reservationBeyondTheBudgetFailsNamingOwnerShortfallAndOption() {
        NetworkBufferPool pool = new NetworkBufferPool(4, 64);
        pool.reserve(3, "Map (1/2)");
        assertThatThrownBy(() -> pool.reserve(2, "Map (2/2)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Map (2/2)")
                .hasMessageContaining("needs 2")
                .hasMessageContaining("only 1 of 4")
                .hasMessageContaining("taskmanager.memory.network.max");
    }

    @Test
    void excessNeverEatsIntoReserves() {
        NetworkBufferPool pool = new NetworkBufferPool(4, 64);
        pool.reserve(3, "a");
        assertThat(pool.tryRequestExcess()).isNotNull();
        assertThat(pool.tryRequestExcess()).isNull();
        for (int i = 0; i < 3; i++) {
            assertThat(pool.requestReserved()).isNotNull();
        }
    }

    @Test
    void unreservedSegmentsCanBeReservedAgain() {
        NetworkBufferPool pool = new NetworkBufferPool(4, 64);
        pool.reserve(4, "a");
        pool.unreserve(4);
        pool.reserve(4, "b");
        assertThatThrownBy(() -> pool.reserve(1, "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void localPoolWhoseReserveDoesNotFitIsRefused() {
        NetworkBufferPool pool = new NetworkBufferPool(4, 64);
        new LocalBufferPool(pool, 3, 3, "first");
        assertThatThrownBy(() -> new LocalBufferPool(pool, 2, 2, "Reduce (3/3)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Reduce (3/3)")
                .hasMessageContaining("taskmanager.memory.network.max");
    }

    @Test
    void budgetBelowOneSegmentOfSixtyFourBytesIsRejected() {
        assertThatThrownBy(() -> new NetworkBufferPool(0, 64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 x 64");
        assertThatThrownBy(() -> new NetworkBufferPool(10, 63)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 x 63");
        assertThat(new NetworkBufferPool(1, 64).segmentSize()).isEqualTo(64);
        assertThat(new NetworkBufferPool(7, 64).totalSegments()).isEqualTo(7);
    }
}
