package io.weft.runtime.tasks;

import java.util.Map;

/** Record counts of one task, updated on its thread and read once it has ended. */
final class TaskCounters {
    long recordsIn;
    long recordsOut;
    long bytesOut;

    Map<String, Long> asMap(String vertexName) {
        return Map.of(vertexName + ".numRecordsIn", recordsIn, vertexName + ".numRecordsOut", recordsOut,
                vertexName + ".numBytesOut", bytesOut);
    }
}
