package io.weft.runtime.testing;

import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkContext;
import io.weft.api.connector.SinkWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A sink whose writers block on their first record until {@link #release()} (at most a minute, so a broken test
 * cannot hang the build): its producers run into backpressure. Thread-safe.
 */
public final class BlockingSink<T> implements Sink<T> {
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch blocking = new CountDownLatch(1);

    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T record) throws Exception {
                blocking.countDown();
                if (!released.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("BlockingSink was not released within a minute");
                }
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** Waits until a writer blocks on a record. */
    public boolean awaitBlocking(long seconds) throws InterruptedException {
        return blocking.await(seconds, TimeUnit.SECONDS);
    }

    public void release() {
        released.countDown();
    }
}
