package io.weft.runtime.network.netty;

import static io.weft.runtime.network.netty.ShufflePair.Producer.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.Configuration;
import io.weft.config.ShuffleOptions;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.deployment.InputChannelDescriptor;
import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.network.LocalBufferPool;
import io.weft.runtime.network.NetworkBufferPool;
import io.weft.runtime.network.ResultPartition;
import io.weft.runtime.network.RuntimeEvent.CancelCheckpointMarker;
import io.weft.runtime.network.RuntimeEvent.CheckpointBarrier;
import io.weft.runtime.network.netty.ShufflePair.Consumer;
import io.weft.runtime.network.netty.ShufflePair.Producer;
import io.weft.runtime.rpc.netty.AuthenticatedChannels;
import io.weft.runtime.testing.BackgroundCall;
import io.weft.runtime.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two TaskManagers' Netty shuffles exchanging data over 127.0.0.1: everything arrives in order, credit-based flow
 * control bounds memory on both sides, requests may precede registration, and failures name the producer's
 * TaskManager.
 */
// a safety net only: every wait in these tests is bounded well below it
@Timeout(60)
class NettyShuffleTest {
    private ShufflePair pair;

    @AfterEach
    void tearDown() {
        if (pair != null) {
            pair.close();
        }
    }

    private String producerAddress() {
        return AuthenticatedChannels.describe(pair.producerSide.dataAddress());
    }

    @Test
    void remoteChannelDeliversEveryRecordInOrderAndReturnsAllMemory() throws Exception {
        pair = new ShufflePair(ShufflePair.config());
        Producer producer = new Producer(pair.producerSide, 1, 2, 8).register();
        Consumer consumer = new Consumer(pair.consumerSide, 4);
        consumer.connect(pair.channelTo(producer.id), 0);
        int n = 50_000;
        try (BackgroundCall<Void> writing = producer.writeInBackground(n, 1_000)) {
            assertThat(consumer.readAll()).isEqualTo(records(n, i -> true));
            writing.await();
        }
        Poll.until(() -> producer.releases.get() == 1, "the consumed partition is released");
        Poll.until(() -> ShufflePair.inUse(pair.producerSide.bufferPool()) == 0, "producer memory returned");
        Poll.until(() -> pair.consumerSegmentsInUse() == 0, "receive memory returned");
        assertThat(pair.producerSide.partitionManager().numberOfPartitions()).isZero();
    }

    @Test
    void eventsCrossTheConnectionInTheirPlaceAmongTheRecords_underBackpressure() throws Exception {
        pair = new ShufflePair(ShufflePair.config());
        Producer producer = new Producer(pair.producerSide, 1, 2, 4).register();
        Consumer consumer = new Consumer(pair.consumerSide, 0);
        consumer.connect(pair.channelTo(producer.id), 0);
        CheckpointBarrier barrier = new CheckpointBarrier(1, 17, CheckpointOptions.alignedCheckpoint());
        int n = 20_000;
        try (BackgroundCall<Void> writing = BackgroundCall.start("producer", () -> {
            for (int i = 0; i < n; i++) {
                producer.writer.emit(Producer.record(i));
                if (i == n / 2) {
                    producer.writer.broadcastEvent(barrier);
                }
            }
            producer.writer.broadcastEvent(new CancelCheckpointMarker(1));
            producer.writer.finish();
            return null;
        })) {
            writing.assertBlocked();
            consumer.readAll();
            writing.await();
        }
        assertThat(consumer.records).isEqualTo(records(n, i -> true));
        assertThat(consumer.events).containsExactly((n / 2 + 1) + ":" + barrier,
                n + ":CancelCheckpointMarker[checkpointId=1]", n + ":EndOfData[]", n + ":EndOfPartition[]");
        Poll.until(() -> ShufflePair.inUse(pair.producerSide.bufferPool()) == 0, "producer memory returned");
        Poll.until(() -> pair.consumerSegmentsInUse() == 0, "receive memory returned");
    }

    @Test
    void anEventAtTheHeadOfASubpartitionIsSentWithoutCredit() {
        ResultPartition partition = new ResultPartition(ShufflePair.newPartitionId(), 1,
                new LocalBufferPool(new NetworkBufferPool(4, 64), 1, 2, "p"), () -> { });
        ServedSubpartition served = new ServedSubpartition(1, partition.id(), 0, 0);
        served.activate(partition.subpartition(0));
        assertThat(served.hasCreditAndData()).as("nothing queued").isFalse();
        partition.broadcastEvent(new CheckpointBarrier(3, 0, CheckpointOptions.alignedCheckpoint()));
        assertThat(served.hasCreditAndData()).as("an event needs no credit").isTrue();
        int before = served.credit();
        served.nextSequence(false);
        assertThat(served.credit()).isEqualTo(before);
    }

    @Test
    void channelsOfSeveralPartitionsShareOneConnectionAndEachGetsItsOwnSubpartition() throws Exception {
        pair = new ShufflePair(ShufflePair.config());
        Producer first = new Producer(pair.producerSide, 2, 3, 8).register();
        Producer second = new Producer(pair.producerSide, 2, 3, 8).register();
        Consumer consumer = new Consumer(pair.consumerSide, 4);
        for (int sub = 0; sub < 2; sub++) {
            consumer.connect(pair.channelTo(first.id), sub);
            consumer.connect(pair.channelTo(second.id), sub);
        }
        int n = 10_000;
        try (BackgroundCall<Void> a = first.writeInBackground(n, 500);
                BackgroundCall<Void> b = second.writeInBackground(n, 700)) {
            List<String> got = consumer.readAll();
            a.await();
            b.await();
            List<String> expected = new ArrayList<>(records(n, i -> true));
            expected.addAll(records(n, i -> true));
            // compared as sorted lists: the same multiset
            assertThat(got.stream().sorted().toList()).isEqualTo(expected.stream().sorted().toList());
        }
        assertThat(pair.consumerSide.numberOfConnections()).isEqualTo(1);
    }

    @Test
    void slowConsumerBackpressuresTheProducerAndMemoryStaysBounded() throws Exception {
        pair = new ShufflePair(ShufflePair.config());
        int producerMax = 4;
        int exclusive = 2;
        int floating = 2;
        Producer producer = new Producer(pair.producerSide, 1, 2, producerMax).register();
        Consumer consumer = new Consumer(pair.consumerSide, floating);
        consumer.connect(pair.channelTo(producer.id), 0);
        int n = 20_000;
        Runnable bounded = () -> {
            assertThat(producer.pool.taken()).isLessThanOrEqualTo(producerMax);
            assertThat(pair.consumerSegmentsInUse()).isLessThanOrEqualTo(exclusive + floating);
        };
        try (BackgroundCall<Void> writing = producer.writeInBackground(n, Integer.MAX_VALUE)) {
            // nobody reads yet: the producer fills its buffers and the consumer's credit, then waits
            writing.assertBlocked();
            bounded.run();
            consumer.read(3, bounded);
            writing.assertBlocked();
            bounded.run();
            consumer.read(Integer.MAX_VALUE, bounded);
            writing.await();
        }
        assertThat(consumer.records).isEqualTo(records(n, i -> true));
        assertThat(producer.pool.backPressuredNanos()).isPositive();
    }

    @Test
    void partitionRequestedBeforeItsRegistrationIsServedOnceRegistered() throws Exception {
        pair = new ShufflePair(ShufflePair.config().set(ShuffleOptions.PARTITION_REQUEST_TIMEOUT,
                Duration.ofSeconds(5)));
        Producer producer = new Producer(pair.producerSide, 1, 2, 8);
        Consumer consumer = new Consumer(pair.consumerSide, 2);
        consumer.connect(pair.channelTo(producer.id), 0);
        Poll.until(() -> pair.producerSide.partitionManager().numberOfWaitingPartitions() == 1,
                "the request waits for the registration");

        producer.register();
        try (BackgroundCall<Void> writing = producer.writeInBackground(1_000, 100)) {
            assertThat(consumer.readAll()).isEqualTo(records(1_000, i -> true));
            writing.await();
        }
    }

    @Test
    void partitionRegisteredAfterANotFoundAnswerIsFoundByARetry() throws Exception {
        pair = new ShufflePair(ShufflePair.config()
                .set(ShuffleOptions.PARTITION_REQUEST_TIMEOUT, Duration.ofMillis(50))
                .set(ShuffleOptions.REQUEST_BACKOFF_INITIAL, Duration.ofMillis(20))
                .set(ShuffleOptions.REQUEST_BACKOFF_MAX, Duration.ofSeconds(5)));
        Producer producer = new Producer(pair.producerSide, 1, 2, 8);
        Consumer consumer = new Consumer(pair.consumerSide, 2);
        consumer.connect(pair.channelTo(producer.id), 0);
        // the first request times out unanswered on the server (50 ms), then the consumer asks again
        Poll.until(() -> pair.producerSide.partitionManager().numberOfWaitingPartitions() == 1,
                "the first request waits for the registration");
        Poll.until(() -> pair.producerSide.partitionManager().numberOfWaitingPartitions() == 0,
                "the first request was answered 'not found'");

        producer.register();
        try (BackgroundCall<Void> writing = producer.writeInBackground(100, 10)) {
            assertThat(consumer.readAll()).isEqualTo(records(100, i -> true));
            writing.await();
        }
    }

    @Test
    void partitionNeverRegisteredFailsTheConsumerNamingPartitionAddressAndSetting() throws Exception {
        pair = new ShufflePair(ShufflePair.config()
                .set(ShuffleOptions.PARTITION_REQUEST_TIMEOUT, Duration.ofMillis(50))
                .set(ShuffleOptions.REQUEST_BACKOFF_INITIAL, Duration.ofMillis(20))
                .set(ShuffleOptions.REQUEST_BACKOFF_MAX, Duration.ofMillis(100)));
        ResultPartitionID missing = ShufflePair.newPartitionId();
        Consumer consumer = new Consumer(pair.consumerSide, 2);
        consumer.connect(pair.channelTo(missing), 0);

        assertThatThrownBy(consumer::readAll)
                .isInstanceOf(PartitionNotFoundException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("TaskManager at " + producerAddress())
                .hasMessageContaining("taskmanager.network.request-backoff.max");
        assertThat(pair.producerSide.partitionManager().numberOfWaitingPartitions())
                .as("the server forgot the requests it gave up on").isZero();
        consumer.gate.release();
        Poll.until(() -> pair.consumerSegmentsInUse() == 0, "receive memory returned");
    }

    @Test
    void producerTaskManagerClosedMidStreamFailsTheConsumerNamingItsAddress() throws Exception {
        pair = new ShufflePair(ShufflePair.config());
        Producer producer = new Producer(pair.producerSide, 1, 2, 4).register();
        Consumer consumer = new Consumer(pair.consumerSide, 2);
        consumer.connect(pair.channelTo(producer.id), 0);
        String address = producerAddress();
        try (BackgroundCall<Void> writing = BackgroundCall.start("endless producer", () -> {
            for (int i = 0; ; i++) {
                producer.writer.emit(Producer.record(i));
            }
        })) {
            consumer.read(5, () -> { });
            pair.producerSide.close();

            assertThatThrownBy(() -> consumer.read(Integer.MAX_VALUE, () -> { }))
                    .isInstanceOf(RemoteTransportException.class)
                    .hasMessageContaining("TaskManager at " + address + " lost");
            // the closing server released the subpartition its lost consumer read, and with it the producer's pool
            assertThat(writing.awaitFailure()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was released");
        }
        consumer.gate.release();
        Poll.until(() -> pair.consumerSegmentsInUse() == 0, "receive memory returned");
        assertThat(pair.consumerSide.numberOfConnections()).as("the lost connection is forgotten").isZero();
    }

    @Test
    void consumerGoneEarlyReleasesTheProducersSubpartitionAndItsMemory() throws Exception {
        pair = new ShufflePair(ShufflePair.config());
        Producer producer = new Producer(pair.producerSide, 1, 2, 4).register();
        Consumer consumer = new Consumer(pair.consumerSide, 2);
        consumer.connect(pair.channelTo(producer.id), 0);
        // a producer that never runs out of records, so that only the release can end it (with 5,000 records it
        // sometimes finished on the credit the released gate returned before the server released the subpartition)
        try (BackgroundCall<Void> writing = producer.writeInBackground(Integer.MAX_VALUE, Integer.MAX_VALUE)) {
            consumer.read(2, () -> { });
            writing.assertBlocked();
            consumer.gate.release();

            Poll.until(() -> producer.releases.get() == 1, "the server released the abandoned subpartition");
            // as with a local consumer: the producer of a partition nobody reads fails on its next buffer
            assertThat(writing.awaitFailure()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was released");
        }
        assertThat(pair.consumerSide.numberOfConnections()).as("the connection stays up for others").isEqualTo(1);
        Poll.until(() -> ShufflePair.inUse(pair.producerSide.bufferPool()) == 0, "producer memory returned");
        Poll.until(() -> pair.consumerSegmentsInUse() == 0, "receive memory returned");
    }

    @Test
    void producerOnTheSameTaskManagerIsReadThroughALocalChannel() throws Exception {
        pair = new ShufflePair(ShufflePair.config());
        Producer producer = new Producer(pair.consumerSide, 1, 2, 8).register();
        Consumer consumer = new Consumer(pair.consumerSide, 2);
        consumer.connect(new InputChannelDescriptor(producer.id, pair.consumerId,
                pair.consumerSide.dataAddress()), 0);
        try (BackgroundCall<Void> writing = producer.writeInBackground(1_000, 100)) {
            assertThat(consumer.readAll()).isEqualTo(records(1_000, i -> true));
            writing.await();
        }
        assertThat(pair.consumerSide.numberOfConnections()).isZero();
    }

    @Test
    void invalidSettingsAreRejectedNamingTheOption() {
        Configuration bad = ShufflePair.config().set(ShuffleOptions.REQUEST_BACKOFF_MAX, Duration.ofMillis(1));
        assertThatThrownBy(() -> NettyShuffleSettings.fromConfiguration(bad))
                .hasMessageContaining(ShuffleOptions.REQUEST_BACKOFF_MAX.key());
        Configuration badPort = ShufflePair.config().set(ShuffleOptions.DATA_PORT, 70_000);
        assertThatThrownBy(() -> NettyShuffleSettings.fromConfiguration(badPort))
                .hasMessageContaining(ShuffleOptions.DATA_PORT.key());
    }
}
