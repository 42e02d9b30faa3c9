package io.weft.api.state;

import java.util.List;

/** A list of values per key. */
public interface ListState<T> extends State {
    /** The current list (empty, never null); a copy the caller may keep. */
    Iterable<T> get();

    void add(T value);

    void addAll(List<T> values);

    void update(List<T> values);
}
