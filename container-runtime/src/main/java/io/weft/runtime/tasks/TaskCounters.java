package io.weft.runtime.tasks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Record counts and time accounting of one task, updated on its thread and read once it has ended.
 *
 * <p>Time is split into idle (waiting for input or mail), backpressured (waiting for an output buffer) and busy
 * (the rest of the time the task was running); only the waits are timed, so the record path reads no clock.
 */
final class TaskCounters {
    long recordsIn;
    long recordsOut;
    long bytesOut;
    long runningNanos;
    long idleNanos;
    long backPressuredNanos;

    Map<String, Long> asMap(String vertexName) {
        long busy = Math.max(0, runningNanos - idleNanos - backPressuredNanos);
        return Map.of(vertexName + ".numRecordsIn", recordsIn, vertexName + ".numRecordsOut", recordsOut,
                vertexName + ".numBytesOut", bytesOut,
                vertexName + ".busyTimeMs", TimeUnit.NANOSECONDS.toMillis(busy),
                vertexName + ".backPressuredTimeMs", TimeUnit.NANOSECONDS.toMillis(backPressuredNanos),
                vertexName + ".idleTimeMs", TimeUnit.NANOSECONDS.toMillis(idleNanos));
    }
}
