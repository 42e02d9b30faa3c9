package io.weft.api.functions;

/** Receives the records a function emits; called on the task thread only. */
public interface Collector<T> {
    void collect(T record);
}
