package io.weft.client.local;

import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkContext;
import io.weft.api.connector.SinkWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test sink that collects what finished writers wrote into a list shared by the JVM, under a fresh id. Records
 * of an attempt that did not finish are discarded, like the output of a failed attempt.
 */
public final class CollectSink<T> implements Sink<T> {
    private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();
    private final String id = UUID.randomUUID().toString();

    public CollectSink() {
        RESULTS.put(id, Collections.synchronizedList(new ArrayList<>()));
    }

    /** What finished writers wrote so far. */
    @SuppressWarnings("unchecked")
    public List<T> results() {
        synchronized (RESULTS.get(id)) {
            return new ArrayList<>((List<T>) (List<?>) RESULTS.get(id));
        }
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        List<Object> target = RESULTS.get(id);
        return new SinkWriter<>() {
            private final List<Object> buffer = new ArrayList<>();

            @Override
            public void write(T record) {
                buffer.add(record);
            }

            @Override
            public void finish() {
                target.addAll(buffer);
            }

            @Override
            public void close() {
                buffer.clear();
            }
        };
    }
}
