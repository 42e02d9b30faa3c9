package io.weft.api;

/**
 * How the engine runs a job: BATCH (bounded inputs; keyed aggregations emit final values only),
 * STREAMING (every update is emitted as it happens) or AUTOMATIC (BATCH when every source is bounded).
 */
public enum RuntimeExecutionMode {
    BATCH, STREAMING, AUTOMATIC
}
