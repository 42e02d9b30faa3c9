package io.weft.api.state;

/**
 * Hands out keyed state. Available only to functions on a keyed stream; elsewhere every method throws
 * {@link UnsupportedOperationException} saying so.
 */
public interface KeyedStateStore {
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);
}
