package io.weft.runtime.testing;

import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkContext;
import io.weft.api.connector.SinkWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sink that keeps what each subtask received, in memory, for tests whose tasks run in this JVM (the sink object
 * is shared by its subtasks). Thread-safe.
 */
public final class CollectingSink<T> implements Sink<T> {
    private final Map<Integer, ConcurrentLinkedQueue<T>> received = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();

    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        ConcurrentLinkedQueue<T> mine = received.computeIfAbsent(context.getSubtaskIndex(),
                k -> new ConcurrentLinkedQueue<>());
        return new SinkWriter<>() {
            @Override
            public void write(T record) {
                mine.add(record);
                count.incrementAndGet();
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** What subtask {@code subtask} received so far. */
    public List<T> receivedBy(int subtask) {
        ConcurrentLinkedQueue<T> q = received.get(subtask);
        return q == null ? List.of() : List.copyOf(q);
    }

    /** Records received by all subtasks so far. */
    public long count() {
        return count.get();
    }
}
