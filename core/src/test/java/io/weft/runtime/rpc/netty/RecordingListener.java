package io.weft.runtime.rpc.netty;

import static org.assertj.core.api.Assertions.fail;

import io.weft.runtime.rpc.ConnectionListener;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A connection listener that records what it is told, for tests to await. Thread-safe. */
final class RecordingListener implements ConnectionListener {
    static final String CONNECTED = "connected";
    static final String LOST = "lost";
    static final String RECONNECT = "reconnect";

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final List<Duration> delays = new CopyOnWriteArrayList<>();
    final List<RpcConnectionException> failures = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void connected(RpcConnection connection) {
        record(CONNECTED);
    }

    @Override
    public void connectionLost(RpcConnection connection, RpcConnectionException cause) {
        failures.add(cause);
        record(LOST);
    }

    @Override
    public void reconnectScheduled(RpcConnection connection, int attempt, Duration delay,
            RpcConnectionException lastFailure) {
        delays.add(delay);
        failures.add(lastFailure);
        record(RECONNECT);
    }

    private void record(String event) {
        threads.add(Thread.currentThread().getName());
        events.add(event);
    }

    /** Waits, bounded, for the next event of the given kind, skipping others; returns how long it took. */
    Duration await(String event, Duration within) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        while (true) {
            String next = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                fail("No '" + event + "' event within " + within);
            }
            if (next.equals(event)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
    }

    RpcConnectionException lastFailure() {
        return failures.isEmpty() ? null : failures.get(failures.size() - 1);
    }
}
