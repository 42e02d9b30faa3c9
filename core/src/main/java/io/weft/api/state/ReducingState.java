package io.weft.api.state;

/** One value per key, combined with every added value by the descriptor's reduce function. */
public interface ReducingState<T> extends State {
    T get();

    void add(T value) throws Exception;
}
