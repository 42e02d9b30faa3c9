package io.weft.runtime.network.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.config.Configuration;
import io.weft.config.MemorySize;
import io.weft.config.RpcOptions;
import io.weft.config.ShuffleOptions;
import io.weft.config.TaskManagerOptions;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.IntermediateDataSetID;
import io.weft.runtime.ResourceID;
import io.weft.runtime.deployment.InputChannelDescriptor;
import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.network.BufferOrEvent;
import io.weft.runtime.network.FloatingBufferBudget;
import io.weft.runtime.network.InputChannel;
import io.weft.runtime.network.InputGate;
import io.weft.runtime.network.LocalBufferPool;
import io.weft.runtime.network.NetworkBufferPool;
import io.weft.runtime.network.RecordWriter;
import io.weft.runtime.network.ResultPartition;
import io.weft.runtime.network.SubpartitionRequest;
import io.weft.runtime.network.SubpartitionView;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.testing.BackgroundCall;
import io.weft.streaming.partitioner.PartitionType;
import io.weft.streaming.partitioner.StreamPartitioner;
import io.weft.types.BasicSerializers;
import io.weft.types.TypeSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Two TaskManagers' Netty shuffle environments in this JVM, a producer side and a consumer side, bound to
 * 127.0.0.1 and sharing one cluster secret; plus a producer (a registered result partition with a record writer
 * of strings) and a consumer (an input gate read by the test thread, as a task thread would). Close to stop both.
 */
final class ShufflePair implements AutoCloseable {
    static final int SEGMENT_SIZE = 1024;
    static final int SEGMENTS = 256;

    final ClusterSecret secret = ClusterSecret.generate();
    final ResourceID producerId = new ResourceID();
    final ResourceID consumerId = new ResourceID();
    final NettyShuffleEnvironment producerSide;
    final NettyShuffleEnvironment consumerSide;

    ShufflePair(Configuration config) {
        producerSide = NettyShuffleEnvironment.start(config, secret, producerId);
        try {
            consumerSide = NettyShuffleEnvironment.start(config, secret, consumerId);
        } catch (RuntimeException e) {
            producerSide.close();
            throw e;
        }
    }

    /** Small buffers, one event loop per side, short handshake timeout, 127.0.0.1 with any free port. */
    static Configuration config() {
        return new Configuration()
                .set(TaskManagerOptions.SEGMENT_SIZE, MemorySize.parse(SEGMENT_SIZE + "b"))
                .set(TaskManagerOptions.NETWORK_MEMORY, MemorySize.parse(SEGMENTS * SEGMENT_SIZE + "b"))
                .set(ShuffleOptions.SERVER_THREADS, 1)
                .set(ShuffleOptions.CLIENT_THREADS, 1)
                .set(RpcOptions.HANDSHAKE_TIMEOUT, Duration.ofSeconds(2));
    }

    static ResultPartitionID newPartitionId() {
        return new ResultPartitionID(new IntermediateDataSetID(), 0, new ExecutionAttemptID());
    }

    /** The descriptor of a channel reading partition {@code id} of the producer side. */
    InputChannelDescriptor channelTo(ResultPartitionID id) {
        return new InputChannelDescriptor(id, producerId, producerSide.dataAddress());
    }

    /** Segments of the consumer side's network memory in use now (receive buffers taken or being read). */
    int consumerSegmentsInUse() {
        return inUse(consumerSide.bufferPool());
    }

    static int inUse(NetworkBufferPool pool) {
        return pool.totalSegments() - pool.availableSegments();
    }

    @Override
    public void close() {
        try {
            consumerSide.close();
        } finally {
            producerSide.close();
        }
    }

    /** A result partition of the producer side, written by a record writer of strings. */
    static final class Producer {
        final ResultPartitionID id = newPartitionId();
        final LocalBufferPool pool;
        final ResultPartition partition;
        final RecordWriter<String> writer;
        final AtomicInteger releases = new AtomicInteger();
        private final NettyShuffleEnvironment side;

        /** Not registered yet: see {@link #register()}. */
        Producer(NettyShuffleEnvironment side, int subpartitions, int reserved, int max) {
            this.side = side;
            pool = new LocalBufferPool(side.bufferPool(), reserved, max, "producer of " + id);
            partition = new ResultPartition(id, subpartitions, pool, () -> {
                releases.incrementAndGet();
                side.partitionManager().unregister(id);
            });
            writer = new RecordWriter<>(partition, StreamPartitioner.create(subpartitions == 1
                    ? PartitionType.FORWARD : PartitionType.REBALANCE, s -> s, 128, subpartitions, 0),
                    BasicSerializers.STRING);
        }

        Producer register() {
            side.partitionManager().register(partition);
            return this;
        }

        /** Writes {@code records(i)} for i in [0, n), flushing every {@code flushEvery}, and ends the partition. */
        BackgroundCall<Void> writeInBackground(int n, int flushEvery) {
            return BackgroundCall.start("producer", () -> {
                for (int i = 0; i < n; i++) {
                    writer.emit(record(i));
                    if (i % flushEvery == 0) {
                        writer.flushAll();
                    }
                }
                writer.finish();
                return null;
            });
        }

        static String record(int i) {
            return i + ":" + "r".repeat(i % 97);
        }

        static List<String> records(int n, IntPredicate which) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (which.test(i)) {
                    expected.add(record(i));
                }
            }
            return expected;
        }
    }

    /** An input gate of the consumer side, read on the test thread as its task thread would read it. */
    static final class Consumer {
        final Semaphore wake = new Semaphore(0);
        final InputGate gate = new InputGate(wake::release);
        final List<String> records = new ArrayList<>();
        /** Each event received, as "records received before it:event". */
        final List<String> events = new ArrayList<>();
        private final NettyShuffleEnvironment side;
        private final FloatingBufferBudget floating;

        Consumer(NettyShuffleEnvironment side, int floatingBuffers) {
            this.side = side;
            this.floating = new FloatingBufferBudget(floatingBuffers);
        }

        @SuppressWarnings("unchecked")
        InputChannel connect(InputChannelDescriptor descriptor, int subpartition) {
            InputChannel c = gate.addChannel(descriptor.partitionId(),
                    (TypeSerializer<Object>) (TypeSerializer<?>) BasicSerializers.STRING);
            SubpartitionView view = side.connector().requestSubpartition(
                    new SubpartitionRequest(descriptor, subpartition, "test consumer", floating)).join();
            gate.connect(c, view);
            return c;
        }

        /**
         * Reads at most {@code maxBuffers} buffers (fewer when the gate finishes), waiting (bounded) for data;
         * checks {@code invariant} after each buffer.
         */
        void read(int maxBuffers, Runnable invariant) throws Exception {
            for (int b = 0; b < maxBuffers && !gate.isFinished(); ) {
                BufferOrEvent next = gate.pollNext();
                if (next != null && next.isEvent()) {
                    events.add(records.size() + ":" + next.event());
                    continue;
                }
                InputChannel c = next == null ? null : next.channel();
                if (c == null) {
                    if (!gate.isFinished()) {
                        assertThat(wake.tryAcquire(BackgroundCall.BOUND.toMillis(), TimeUnit.MILLISECONDS))
                                .as("woken for more data after %d records", records.size()).isTrue();
                    }
                    continue;
                }
                for (Object r = c.deserializer().next(); r != null; r = c.deserializer().next()) {
                    records.add((String) r);
                }
                b++;
                invariant.run();
            }
        }

        /** Reads until every channel has ended. */
        List<String> readAll() throws Exception {
            read(Integer.MAX_VALUE, () -> { });
            return records;
        }
    }
}
