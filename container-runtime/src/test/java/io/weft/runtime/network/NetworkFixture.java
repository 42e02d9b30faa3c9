package io.weft.runtime.network;

import io.weft.api.functions.KeySelector;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.IntermediateDataSetID;
import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.streaming.partitioner.PartitionType;
import io.weft.streaming.partitioner.StreamPartitioner;
import io.weft.types.BasicSerializers;
import io.weft.types.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One producer's side of an exchange, wired as a task would wire it: a global pool of tiny (64-byte) segments,
 * a local pool, a result partition and a record writer of strings; plus the consumer-side helpers that read a
 * subpartition back.
 */
final class NetworkFixture {
    static final int SEGMENT_SIZE = 64;
    static final int MAX_PARALLELISM = 128;
    /** Records are their own keys. */
    static final KeySelector<String, String> IDENTITY = s -> s;

    final NetworkBufferPool global;
    final LocalBufferPool pool;
    final ResultPartition partition;
    final RecordWriter<String> writer;
    final AtomicInteger releases = new AtomicInteger();

    NetworkFixture(int totalSegments, int reserved, int max, int subpartitions, PartitionType type,
            int producerSubtask) {
        global = new NetworkBufferPool(totalSegments, SEGMENT_SIZE);
        pool = new LocalBufferPool(global, reserved, max, "producer " + producerSubtask);
        partition = new ResultPartition(newPartitionId(producerSubtask), subpartitions, pool,
                releases::incrementAndGet);
        writer = new RecordWriter<>(partition, StreamPartitioner.create(type, IDENTITY, MAX_PARALLELISM,
                subpartitions, producerSubtask), BasicSerializers.STRING);
    }

    /** A fixture with room for everything a test writes before it reads. */
    static NetworkFixture roomy(int subpartitions, PartitionType type) {
        return new NetworkFixture(16_384, subpartitions + 1, 16_384, subpartitions, type, 0);
    }

    static ResultPartitionID newPartitionId(int index) {
        return new ResultPartitionID(new IntermediateDataSetID(), index, new ExecutionAttemptID());
    }

    @SuppressWarnings("unchecked")
    static TypeSerializer<Object> stringsAsObjects() {
        return (TypeSerializer<Object>) (TypeSerializer<?>) BasicSerializers.STRING;
    }

    /** Every buffer currently queued in a subpartition (taking them, as a consumer would). */
    static List<Buffer> pollAll(ResultSubpartition s) {
        List<Buffer> buffers = new ArrayList<>();
        for (Buffer b = s.poll(); b != null; b = s.poll()) {
            buffers.add(b);
        }
        return buffers;
    }

    /** What a consumer read from one subpartition. */
    record Consumed(List<String> records, int dataBuffers, boolean ended, boolean dataAfterEnd) {
    }

    /** Reads a subpartition to its current end, recycling every buffer as the deserializer finishes with it. */
    static Consumed consume(ResultSubpartition s) throws IOException {
        RecordDeserializer<String> deserializer = new RecordDeserializer<>(BasicSerializers.STRING);
        List<String> records = new ArrayList<>();
        int data = 0;
        boolean ended = false;
        boolean dataAfterEnd = false;
        for (Buffer b = s.poll(); b != null; b = s.poll()) {
            if (!b.isData()) {
                ended = true;
                continue;
            }
            dataAfterEnd |= ended;
            data++;
            deserializer.setNextBuffer(b);
            for (String r = deserializer.next(); r != null; r = deserializer.next()) {
                records.add(r);
            }
        }
        return new Consumed(records, data, ended, dataAfterEnd);
    }
}
