package io.weft.api.state;

/** One value per key; {@code null} when absent. */
public interface ValueState<T> extends State {
    T value();

    void update(T value);
}
