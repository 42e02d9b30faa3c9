package io.weft.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.runtime.KeyGroupRangeAssignment;
import io.weft.runtime.network.NetworkFixture.Consumed;
import io.weft.runtime.testing.BackgroundCall;
import io.weft.runtime.testing.Poll;
import io.weft.streaming.partitioner.PartitionType;
import io.weft.types.BasicSerializers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RecordWriter → ResultPartition → RecordDeserializer with 64-byte buffers, so records and headers span them. */
// a safety net only: every wait in these tests is bounded well below it
@Timeout(60)
class RecordWriterRoundTripTest {
    private static final int PRODUCER_SUBTASK = 1;

    /** {@code count} strings of 0..500 chars, a tenth of them at or above 0x80 (two or three bytes each). */
    static List<String> randomRecords(long seed, int count) {
        Random random = new Random(seed);
        List<String> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char[] chars = new char[random.nextInt(501)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = random.nextInt(10) == 0 ? (char) (0x80 + random.nextInt(0xFF00))
                        : (char) ('a' + random.nextInt(26));
            }
            records.add(new String(chars));
        }
        return records;
    }

    /** The records each subpartition must receive, worked out without the partitioner under test. */
    static List<List<String>> expectedPerSubpartition(List<String> records, PartitionType type, int n) {
        List<List<String>> expected = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            expected.add(new ArrayList<>());
        }
        for (int i = 0; i < records.size(); i++) {
            String r = records.get(i);
            switch (type) {
                case BROADCAST -> expected.forEach(l -> l.add(r));
                case REBALANCE -> expected.get((PRODUCER_SUBTASK + i) % n).add(r);
                case HASH -> expected.get(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(
                        NetworkFixture.MAX_PARALLELISM, n,
                        KeyGroupRangeAssignment.assignToKeyGroup(r, NetworkFixture.MAX_PARALLELISM))).add(r);
                default -> throw new IllegalArgumentException(type.name());
            }
        }
        return expected;
    }

    static Stream<Arguments> partitioningsAndWidths() {
        List<Arguments> all = new ArrayList<>();
        for (PartitionType type : List.of(PartitionType.REBALANCE, PartitionType.HASH, PartitionType.BROADCAST)) {
            for (int n = 1; n <= 3; n++) {
                all.add(Arguments.of(type, n));
            }
        }
        return all.stream();
    }

    private static NetworkFixture roomyFixture(int n, PartitionType type) {
        return new NetworkFixture(16_384, n + 1, 16_384, n, type, PRODUCER_SUBTASK);
    }

    @ParameterizedTest(name = "{0} to {1} subpartition(s)")
    @MethodSource("partitioningsAndWidths")
    void everySubpartitionReceivesExactlyItsRecordsInOrder(PartitionType type, int n) throws Exception {
        NetworkFixture f = roomyFixture(n, type);
        List<String> records = randomRecords(20240601L + n, 400);
        for (String r : records) {
            f.writer.emit(r);
        }
        f.writer.finish();

        List<List<String>> expected = expectedPerSubpartition(records, type, n);
        for (int c = 0; c < n; c++) {
            Consumed got = NetworkFixture.consume(f.partition.subpartition(c));
            assertThat(got.records()).as("records of subpartition %d", c).isEqualTo(expected.get(c));
            assertThat(got.ended()).as("subpartition %d ended", c).isTrue();
            assertThat(got.dataAfterEnd()).isFalse();
        }
        assertThat(expected.stream().mapToInt(List::size).sum())
                .isEqualTo(type == PartitionType.BROADCAST ? n * records.size() : records.size());
    }

    @ParameterizedTest(name = "{0} to {1} subpartition(s)")
    @MethodSource("partitioningsAndWidths")
    void everyBufferReturnsToTheNetworkPoolOnceConsumed(PartitionType type, int n) throws Exception {
        NetworkFixture f = roomyFixture(n, type);
        for (String r : randomRecords(99L, 200)) {
            f.writer.emit(r);
        }
        f.writer.finish();
        assertThat(f.global.availableSegments()).isLessThan(f.global.totalSegments());
        for (int c = 0; c < n; c++) {
            NetworkFixture.consume(f.partition.subpartition(c));
        }
        assertThat(f.releases.get()).as("partition released once all subpartitions were consumed").isEqualTo(1);
        assertThat(f.pool.taken()).isZero();
        assertThat(f.global.availableSegments()).isEqualTo(f.global.totalSegments());
        // the reservation was returned as well: the whole budget can be reserved again
        new LocalBufferPool(f.global, f.global.totalSegments(), f.global.totalSegments(), "next");
    }

    @Test
    void broadcastCopiesEveryRecordToEverySubpartition() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(3, PartitionType.BROADCAST);
        List<String> records = List.of("a", "", "x".repeat(200), "\u00e9\u20ac");
        for (String r : records) {
            f.writer.emit(r);
        }
        f.writer.finish();
        for (int c = 0; c < 3; c++) {
            assertThat(NetworkFixture.consume(f.partition.subpartition(c)).records()).isEqualTo(records);
        }
    }

    @Test
    void hashSendsEqualKeysToTheSameSubpartition() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(3, PartitionType.HASH);
        for (int round = 0; round < 5; round++) {
            for (int k = 0; k < 30; k++) {
                f.writer.emit("key-" + k);
            }
        }
        f.writer.finish();
        List<List<String>> got = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            got.add(NetworkFixture.consume(f.partition.subpartition(c)).records());
        }
        for (int k = 0; k < 30; k++) {
            String key = "key-" + k;
            assertThat(got.stream().filter(l -> l.contains(key)).count()).as("subpartitions holding %s", key)
                    .isEqualTo(1);
            assertThat(got.stream().mapToLong(l -> l.stream().filter(key::equals).count()).sum()).isEqualTo(5);
        }
        assertThat(got).allSatisfy(l -> assertThat(l).isNotEmpty());
    }

    @Test
    void rebalanceStartsAtTheProducersIndexAndGoesRoundRobin() throws Exception {
        NetworkFixture f = new NetworkFixture(64, 4, 64, 3, PartitionType.REBALANCE, 4);
        for (int i = 0; i < 7; i++) {
            f.writer.emit("r" + i);
        }
        f.writer.finish();
        assertThat(NetworkFixture.consume(f.partition.subpartition(1)).records()).containsExactly("r0", "r3", "r6");
        assertThat(NetworkFixture.consume(f.partition.subpartition(2)).records()).containsExactly("r1", "r4");
        assertThat(NetworkFixture.consume(f.partition.subpartition(0)).records()).containsExactly("r2", "r5");
    }

    /**
     * A first record of {@code chars} ASCII chars takes 4 + 1 + chars bytes, so the second record's 4-byte length
     * starts at byte 5 + chars of the first 64-byte buffer: 56..59 chars put 3, 2, 1 or 0 of its bytes there.
     */
    @ParameterizedTest(name = "first record of {0} chars")
    @ValueSource(ints = {54, 55, 56, 57, 58, 59})
    void lengthHeaderSpanningTwoBuffersIsReassembled(int chars) throws Exception {
        NetworkFixture f = NetworkFixture.roomy(1, PartitionType.FORWARD);
        String first = "f".repeat(chars);
        f.writer.emit(first);
        f.writer.emit("second");
        f.writer.emit("third");
        f.writer.finish();
        List<Buffer> buffers = NetworkFixture.pollAll(f.partition.subpartition(0));
        assertThat(buffers).hasSize(4);
        assertThat(buffers.get(0).size()).isEqualTo(64);
        assertThat(buffers.get(1).size()).isEqualTo(5 + chars + 11 + 10 - 64);
        assertThat(buffers.get(2).event()).isEqualTo(RuntimeEvent.END_OF_DATA);
        assertThat(buffers.get(3).isEndOfPartition()).isTrue();

        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        d.setNextBuffer(buffers.get(0));
        assertThat(d.next()).isEqualTo(first);
        assertThat(d.next()).as("second record is incomplete in the first buffer").isNull();
        d.setNextBuffer(buffers.get(1));
        assertThat(d.next()).isEqualTo("second");
        assertThat(d.next()).isEqualTo("third");
        assertThat(d.next()).isNull();
    }

    @Test
    void recordLongerThanThreeBuffersIsReassembled() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(1, PartitionType.FORWARD);
        String big = "0123456789".repeat(30);
        f.writer.emit(big);
        f.writer.emit("after");
        f.writer.finish();
        List<Buffer> buffers = NetworkFixture.pollAll(f.partition.subpartition(0));
        // 4 + 2 + 300 bytes, then 4 + 1 + 5
        assertThat(buffers).extracting(b -> b.isData() ? b.size() : -1).containsExactly(64, 64, 64, 64, 60, -1, -1);

        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        for (int i = 0; i < 4; i++) {
            d.setNextBuffer(buffers.get(i));
            assertThat(d.next()).as("after buffer %d", i).isNull();
        }
        d.setNextBuffer(buffers.get(4));
        assertThat(d.next()).isEqualTo(big);
        assertThat(d.next()).isEqualTo("after");
        assertThat(d.next()).isNull();
    }

    @Test
    void recordFillingABufferExactlyIsFollowedByTheNextInAFreshBuffer() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(1, PartitionType.FORWARD);
        String exact = "e".repeat(64 - 5);
        f.writer.emit(exact);
        assertThat(f.partition.subpartition(0).isEmpty()).as("a full buffer is handed over at once").isFalse();
        f.writer.emit("next");
        f.writer.finish();
        List<Buffer> buffers = NetworkFixture.pollAll(f.partition.subpartition(0));
        assertThat(buffers).extracting(b -> b.isData() ? b.size() : -1).containsExactly(64, 9, -1, -1);
        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        d.setNextBuffer(buffers.get(0));
        assertThat(d.next()).isEqualTo(exact);
        assertThat(d.next()).isNull();
        d.setNextBuffer(buffers.get(1));
        assertThat(d.next()).isEqualTo("next");
    }

    @Test
    void partlyFilledBuffersStayWithTheWriterUntilFlushed() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(2, PartitionType.REBALANCE);
        f.writer.emit("a");
        f.writer.emit("b");
        assertThat(f.partition.subpartition(0).isEmpty()).isTrue();
        assertThat(f.partition.subpartition(1).isEmpty()).isTrue();
        f.writer.flushAll();
        assertThat(NetworkFixture.pollAll(f.partition.subpartition(0))).singleElement()
                .satisfies(b -> assertThat(b.size()).isEqualTo(6));
        assertThat(NetworkFixture.pollAll(f.partition.subpartition(1))).hasSize(1);
        f.writer.flushAll();
        assertThat(f.partition.subpartition(0).isEmpty()).as("nothing new to flush").isTrue();
    }

    @Test
    void finishEndsEverySubpartitionWithAnEndOfPartitionEvent() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(3, PartitionType.REBALANCE);
        f.writer.emit("only one subpartition gets data");
        f.writer.finish();
        for (int c = 0; c < 3; c++) {
            List<Buffer> buffers = NetworkFixture.pollAll(f.partition.subpartition(c));
            assertThat(buffers).isNotEmpty();
            Buffer last = buffers.get(buffers.size() - 1);
            assertThat(last.isEndOfPartition()).isTrue();
            assertThat(last.isData()).isFalse();
            assertThat(buffers.get(buffers.size() - 2).event()).as("end of data before the end of partition")
                    .isEqualTo(RuntimeEvent.END_OF_DATA);
            assertThat(buffers.subList(0, buffers.size() - 2)).allSatisfy(b -> assertThat(b.isData()).isTrue());
            buffers.forEach(Buffer::recycle);
        }
        assertThat(f.releases.get()).isEqualTo(1);
        assertThat(f.global.availableSegments()).isEqualTo(f.global.totalSegments());
    }

    @Test
    void bytesOutCountsFramesPerCopy() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(3, PartitionType.BROADCAST);
        f.writer.emit("abc");
        assertThat(f.writer.bytesOut()).isEqualTo(3 * (4 + 1 + 3));
        NetworkFixture r = NetworkFixture.roomy(3, PartitionType.REBALANCE);
        r.writer.emit("abc");
        r.writer.emit("");
        assertThat(r.writer.bytesOut()).isEqualTo((4 + 1 + 3) + (4 + 1));
    }

    @Test
    void nullRecordIsRejected() {
        NetworkFixture f = NetworkFixture.roomy(1, PartitionType.FORWARD);
        assertThatThrownBy(() -> f.writer.emit(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null record");
    }

    @Test
    void releasingAnUnconsumedPartitionReturnsEveryBuffer() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(2, PartitionType.REBALANCE);
        for (String r : randomRecords(5L, 50)) {
            f.writer.emit(r);
        }
        f.partition.release();
        f.writer.releaseUnsent();
        assertThat(f.releases.get()).isEqualTo(1);
        assertThat(f.global.availableSegments()).isEqualTo(f.global.totalSegments());
        f.partition.release();
        assertThat(f.releases.get()).as("released only once").isEqualTo(1);
    }

    @Test
    void partitionConsumedInPartAndReleasedForTheRestIsReleasedOnce() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(2, PartitionType.BROADCAST);
        f.writer.emit("x");
        f.writer.finish();
        NetworkFixture.consume(f.partition.subpartition(0));
        assertThat(f.releases.get()).isZero();
        f.partition.release();
        assertThat(f.releases.get()).isEqualTo(1);
        assertThat(f.global.availableSegments()).isEqualTo(f.global.totalSegments());
    }

    @Test
    void dataForAReleasedSubpartitionIsRecycledAtOnce() throws Exception {
        NetworkFixture f = NetworkFixture.roomy(2, PartitionType.BROADCAST);
        f.partition.subpartition(1).release();
        f.writer.emit("y".repeat(100));
        f.writer.finish();
        assertThat(f.partition.subpartition(1).isEmpty()).isTrue();
        assertThat(NetworkFixture.consume(f.partition.subpartition(0)).records()).containsExactly("y".repeat(100));
        assertThat(f.releases.get()).isEqualTo(1);
        assertThat(f.global.availableSegments()).isEqualTo(f.global.totalSegments());
    }

    @Test
    void producerOfAReleasedPartitionFailsOnItsNextBufferRequest() {
        NetworkFixture f = NetworkFixture.roomy(1, PartitionType.FORWARD);
        f.partition.release();
        assertThatThrownBy(() -> f.writer.emit("z".repeat(100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("producer 0")
                .hasMessageContaining("released");
    }

    @Test
    void recordsLargerThanTheWholePoolFlowWhileTheConsumerRecycles() throws Exception {
        // 4 buffers of 64 bytes hold 256 bytes; records of up to 500 chars need more than that
        NetworkFixture f = new NetworkFixture(8, 2, 4, 1, PartitionType.FORWARD, 0);
        List<String> records = randomRecords(77L, 100);
        try (BackgroundCall<Void> producer = BackgroundCall.start("producer", () -> {
            for (String r : records) {
                f.writer.emit(r);
            }
            f.writer.finish();
            return null;
        })) {
            RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
            List<String> got = new ArrayList<>();
            boolean[] ended = {false};
            Poll.until(() -> {
                for (Buffer b = f.partition.subpartition(0).poll(); b != null;
                        b = f.partition.subpartition(0).poll()) {
                    if (b.isEndOfPartition()) {
                        ended[0] = true;
                        break;
                    }
                    if (!b.isData()) {
                        continue;
                    }
                    d.setNextBuffer(b);
                    try {
                        for (String r = d.next(); r != null; r = d.next()) {
                            got.add(r);
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
                return ended[0];
            }, "all records consumed");
            producer.await();
            assertThat(got).isEqualTo(records);
        }
        assertThat(f.pool.taken()).isZero();
        assertThat(f.global.availableSegments()).isEqualTo(8);
    }
}
