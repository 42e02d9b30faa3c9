package io.weft.streaming.partitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.functions.KeySelector;
import io.weft.runtime.KeyGroupRangeAssignment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamPartitionerTest {
    private static final KeySelector<String, String> FIRST_CHAR = s -> s.substring(0, 1);

    @Test
    void forwardAlwaysPicksTheOnlyChannel() throws Exception {
        StreamPartitioner<String> p = StreamPartitioner.create(PartitionType.FORWARD, null, 128, 1, 3);
        assertThat(p.selectChannel("a")).isZero();
        assertThat(p.selectChannel("b")).isZero();
    }

    @Test
    void broadcastAnswersEveryChannel() throws Exception {
        StreamPartitioner<String> p = StreamPartitioner.create(PartitionType.BROADCAST, null, 128, 4, 0);
        assertThat(p.selectChannel("a")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 7})
    void rebalanceGoesRoundRobinStartingAtTheProducersIndex(int subtask) throws Exception {
        int channels = 3;
        StreamPartitioner<String> p = StreamPartitioner.create(PartitionType.REBALANCE, null, 128, channels, subtask);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            chosen.add(p.selectChannel("r" + i));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add((subtask + i) % channels);
        }
        assertThat(chosen).isEqualTo(expected);
    }

    @Test
    void rebalanceOverOneChannelAlwaysPicksIt() throws Exception {
        StreamPartitioner<String> p = StreamPartitioner.create(PartitionType.REBALANCE, null, 128, 1, 4);
        for (int i = 0; i < 5; i++) {
            assertThat(p.selectChannel("x")).isZero();
        }
    }

    @Test
    void hashPicksTheSubtaskOwningTheKeysKeyGroup() throws Exception {
        for (int channels = 1; channels <= 5; channels++) {
            StreamPartitioner<String> p = StreamPartitioner.create(PartitionType.HASH, FIRST_CHAR, 100, channels, 0);
            for (char c = 'a'; c <= 'z'; c++) {
                String record = c + "-record";
                int group = KeyGroupRangeAssignment.assignToKeyGroup(String.valueOf(c), 100);
                assertThat(p.selectChannel(record)).as("%s over %d channels", record, channels)
                        .isEqualTo(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(100, channels, group));
            }
        }
    }

    @Test
    void hashIsTheSameForEveryProducerSubtask() throws Exception {
        StreamPartitioner<String> p0 = StreamPartitioner.create(PartitionType.HASH, FIRST_CHAR, 128, 4, 0);
        StreamPartitioner<String> p3 = StreamPartitioner.create(PartitionType.HASH, FIRST_CHAR, 128, 4, 3);
        for (char c = 'a'; c <= 'z'; c++) {
            assertThat(p3.selectChannel(c + "!")).isEqualTo(p0.selectChannel(c + "?"));
        }
    }

    @Test
    void nullKeyIsRejectedNamingTheRecord() {
        KeySelector<String, String> nothing = s -> null;
        StreamPartitioner<String> p = StreamPartitioner.create(PartitionType.HASH, nothing, 128, 2, 0);
        assertThatThrownBy(() -> p.selectChannel("orphan"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("orphan")
                .hasMessageContaining("null");
    }

    @Test
    void partitionersAreIndependentPerProducer() throws Exception {
        StreamPartitioner<String> a = StreamPartitioner.create(PartitionType.REBALANCE, null, 128, 2, 0);
        StreamPartitioner<String> b = StreamPartitioner.create(PartitionType.REBALANCE, null, 128, 2, 0);
        assertThat(a.selectChannel("x")).isZero();
        assertThat(a.selectChannel("x")).isEqualTo(1);
        assertThat(b.selectChannel("x")).isZero();
    }

    @Test
    void onlyForwardIsPointwise() {
        assertThat(PartitionType.FORWARD.isPointwise()).isTrue();
        assertThat(PartitionType.HASH.isPointwise()).isFalse();
        assertThat(PartitionType.REBALANCE.isPointwise()).isFalse();
        assertThat(PartitionType.BROADCAST.isPointwise()).isFalse();
    }
}
