package io.weft.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.network.RuntimeEvent.CheckpointBarrier;
import io.weft.runtime.testing.BackgroundCall;
import io.weft.streaming.partitioner.PartitionType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// a safety net only: every wait in these tests is bounded well below it
@Timeout(60)
class InputGateTest {
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final Semaphore wake = new Semaphore(0);
    private final InputGate gate = new InputGate(() -> {
        wakeUps.incrementAndGet();
        wake.release();
    });

    /** One producer per channel, each writing to a single subpartition. */
    private List<NetworkFixture> producers(int n) {
        List<NetworkFixture> producers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NetworkFixture f = new NetworkFixture(1024, 2, 1024, 1, PartitionType.FORWARD, i);
            InputChannel c = gate.addChannel(f.partition.id(), NetworkFixture.stringsAsObjects());
            gate.connect(c, f.partition.subpartition(0));
            producers.add(f);
        }
        return producers;
    }

    /** Everything the gate has now, as "channel:record". */
    private List<String> drain() throws IOException {
        List<String> got = new ArrayList<>();
        for (BufferOrEvent n = gate.pollNext(); n != null; n = gate.pollNext()) {
            if (n.isEvent()) {
                continue;
            }
            InputChannel c = n.channel();
            for (Object r = c.deserializer().next(); r != null; r = c.deserializer().next()) {
                got.add(c.index() + ":" + r);
            }
        }
        return got;
    }

    @Test
    void emptyGateHasNothingToPoll() {
        producers(2);
        assertThat(gate.pollNext()).isNull();
        assertThat(gate.isFinished()).isFalse();
        assertThat(wakeUps.get()).isZero();
    }

    @Test
    void channelsAreNumberedAndKeepTheirPartitionIds() {
        List<NetworkFixture> p = producers(3);
        assertThat(gate.channels()).extracting(InputChannel::index).containsExactly(0, 1, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(gate.channels().get(i).partitionId()).isEqualTo(p.get(i).partition.id());
        }
    }

    @Test
    void deliversTheBuffersOfSeveralChannelsEachInOrder() throws Exception {
        List<NetworkFixture> p = producers(3);
        for (int i = 0; i < 40; i++) {
            p.get(i % 3).writer.emit("r" + i + "-" + "x".repeat(i * 3));
        }
        p.forEach(f -> f.writer.flushAll());
        List<String> got = drain();
        for (int c = 0; c < 3; c++) {
            List<String> expected = new ArrayList<>();
            for (int i = c; i < 40; i += 3) {
                expected.add(c + ":r" + i + "-" + "x".repeat(i * 3));
            }
            String prefix = c + ":";
            assertThat(got.stream().filter(s -> s.startsWith(prefix)).toList()).isEqualTo(expected);
        }
        assertThat(got).hasSize(40);
    }

    @Test
    void isFinishedOnlyAfterEveryChannelDeliveredItsEndOfPartition() throws Exception {
        List<NetworkFixture> p = producers(3);
        p.get(0).writer.emit("a");
        p.get(0).writer.finish();
        assertThat(drain()).containsExactly("0:a");
        assertThat(gate.isFinished()).isFalse();

        p.get(2).writer.finish();
        assertThat(drain()).isEmpty();
        assertThat(gate.isFinished()).isFalse();

        p.get(1).writer.emit("b");
        p.get(1).writer.flushAll();
        assertThat(drain()).containsExactly("1:b");
        assertThat(gate.isFinished()).isFalse();

        p.get(1).writer.finish();
        assertThat(gate.isFinished()).as("end-of-partition queued but not yet polled").isFalse();
        assertThat(drain()).isEmpty();
        assertThat(gate.isFinished()).isTrue();
        assertThat(p).allSatisfy(f -> assertThat(f.releases.get()).isEqualTo(1));
        assertThat(p).allSatisfy(f -> assertThat(f.global.availableSegments()).isEqualTo(1024));
    }

    @Test
    void eventsAreHandedOverInOrderWithTheirChannel_andTheEndOfPartitionFinishesIt() throws Exception {
        List<NetworkFixture> p = producers(2);
        CheckpointBarrier barrier = new CheckpointBarrier(7, 1234, CheckpointOptions.alignedCheckpoint());
        p.get(1).writer.emit("before");
        p.get(1).writer.broadcastEvent(barrier);
        p.get(1).writer.emit("after");
        p.get(1).writer.finish();

        List<String> seen = new ArrayList<>();
        for (BufferOrEvent n = gate.pollNext(); n != null; n = gate.pollNext()) {
            if (n.isEvent()) {
                seen.add(n.channel().index() + ":" + n.event());
            } else {
                for (Object r = n.channel().deserializer().next(); r != null; r = n.channel().deserializer().next()) {
                    seen.add(n.channel().index() + ":" + r);
                }
            }
        }
        assertThat(seen).containsExactly("1:before", "1:" + barrier, "1:after", "1:EndOfData[]",
                "1:EndOfPartition[]");
        assertThat(gate.channels().get(1).isFinished()).isTrue();
        assertThat(gate.isFinished()).isFalse();
        p.get(0).writer.finish();
        assertThat(gate.pollNext().event()).isEqualTo(RuntimeEvent.END_OF_DATA);
        assertThat(gate.pollNext().event()).isEqualTo(RuntimeEvent.END_OF_PARTITION);
        assertThat(gate.pollNext()).isNull();
        assertThat(gate.isFinished()).isTrue();
    }

    @Test
    void aBlockedChannelDeliversNothingUntilUnblocked_thenWhatQueuedMeanwhile() throws Exception {
        List<NetworkFixture> p = producers(2);
        InputChannel held = gate.channels().get(0);
        gate.block(held);
        p.get(0).writer.emit("held");
        p.get(0).writer.flushAll();
        p.get(1).writer.emit("free");
        p.get(1).writer.flushAll();

        assertThat(drain()).containsExactly("1:free");
        gate.unblock(held);
        assertThat(drain()).containsExactly("0:held");
    }

    @Test
    void dataArrivingOnAnIdleGateWakesTheConsumer() throws Exception {
        List<NetworkFixture> p = producers(2);
        p.get(1).writer.emit("wake");
        p.get(1).writer.flushAll();
        assertThat(wakeUps.get()).isEqualTo(1);
        p.get(0).writer.emit("already awake");
        p.get(0).writer.flushAll();
        assertThat(wakeUps.get()).as("no second wake-up while data is still queued").isEqualTo(1);
        assertThat(drain()).containsExactlyInAnyOrder("1:wake", "0:already awake");
        p.get(0).writer.emit("again");
        p.get(0).writer.flushAll();
        assertThat(wakeUps.get()).isEqualTo(2);
    }

    @Test
    void channelConnectedAfterDataWasQueuedIsDeliveredAtOnce() throws Exception {
        NetworkFixture f = new NetworkFixture(64, 2, 64, 1, PartitionType.FORWARD, 0);
        f.writer.emit("early");
        f.writer.finish();
        InputChannel c = gate.addChannel(f.partition.id(), NetworkFixture.stringsAsObjects());
        assertThat(gate.pollNext()).isNull();
        gate.connect(c, f.partition.subpartition(0));
        assertThat(wakeUps.get()).isEqualTo(1);
        assertThat(drain()).containsExactly("0:early");
        assertThat(gate.isFinished()).isTrue();
    }

    @Test
    void releaseDropsWhatIsStillQueuedAndReturnsTheBuffers() throws Exception {
        List<NetworkFixture> p = producers(2);
        for (int i = 0; i < 20; i++) {
            p.get(0).writer.emit("x".repeat(100));
            p.get(1).writer.emit("y".repeat(100));
        }
        p.get(0).writer.finish();
        BufferOrEvent first = gate.pollNext();
        assertThat(first).isNotNull();
        gate.release();
        p.get(1).writer.releaseUnsent();
        assertThat(p).allSatisfy(f -> assertThat(f.releases.get()).isEqualTo(1));
        assertThat(p).allSatisfy(f -> assertThat(f.global.availableSegments()).isEqualTo(1024));
    }

    @Test
    void producersOnOtherThreadsDeliverEverythingAndFinishTheGate() throws Exception {
        int channels = 3;
        int perChannel = 300;
        List<NetworkFixture> p = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            // a small pool per producer: producers block until this consumer recycles
            NetworkFixture f = new NetworkFixture(6, 2, 6, 1, PartitionType.FORWARD, i);
            gate.connect(gate.addChannel(f.partition.id(), NetworkFixture.stringsAsObjects()),
                    f.partition.subpartition(0));
            p.add(f);
        }
        List<BackgroundCall<Void>> threads = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            NetworkFixture f = p.get(i);
            int channel = i;
            threads.add(BackgroundCall.start("producer " + i, () -> {
                for (int r = 0; r < perChannel; r++) {
                    f.writer.emit(channel + "/" + r + "/" + "p".repeat(r % 150));
                    if (r % 17 == 0) {
                        f.writer.flushAll();
                    }
                }
                f.writer.finish();
                return null;
            }));
        }
        List<List<String>> got = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            got.add(new ArrayList<>());
        }
        try {
            while (!gate.isFinished()) {
                BufferOrEvent next = gate.pollNext();
                if (next != null && next.isEvent()) {
                    continue;
                }
                InputChannel c = next == null ? null : next.channel();
                if (c == null && gate.isFinished()) {
                    // the last end-of-partition event was taken inside pollNext, which then found nothing more
                    break;
                }
                if (c == null) {
                    assertThat(wake.tryAcquire(BackgroundCall.BOUND.toMillis(), TimeUnit.MILLISECONDS))
                            .as("woken up for more data; received so far %s", got.stream().map(List::size).toList())
                            .isTrue();
                    continue;
                }
                for (Object r = c.deserializer().next(); r != null; r = c.deserializer().next()) {
                    got.get(c.index()).add((String) r);
                }
            }
            for (BackgroundCall<Void> t : threads) {
                t.await();
            }
        } finally {
            for (BackgroundCall<Void> t : threads) {
                t.close();
            }
        }
        for (int c = 0; c < channels; c++) {
            List<String> expected = new ArrayList<>();
            for (int r = 0; r < perChannel; r++) {
                expected.add(c + "/" + r + "/" + "p".repeat(r % 150));
            }
            assertThat(got.get(c)).as("channel %d", c).isEqualTo(expected);
            assertThat(p.get(c).global.availableSegments()).isEqualTo(6);
        }
    }
}
