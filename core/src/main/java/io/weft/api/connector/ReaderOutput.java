package io.weft.api.connector;

/** Where a {@link SourceReader} emits records; used on the task thread only. */
public interface ReaderOutput<T> {
    void collect(T record);
}
