package io.weft.streaming.state;

import io.weft.api.state.State;
import io.weft.api.state.StateDescriptor;
import java.util.function.BiConsumer;

/**
 * Keyed state of one subtask, partitioned by key group. State objects it hands out act on the current key,
 * which the operator sets before each record or timer.
 *
 * <p>Used on the task thread only.
 */
public interface KeyedStateBackend {
    void setCurrentKey(Object key);

    Object getCurrentKey();

    /** The state of the descriptor, created on first use; the same object on every call with an equal name. */
    <S extends State> S getOrCreateState(StateDescriptor<S> descriptor);

    /**
     * Calls {@code action} with every key that has a value in the named state, the current key set to it;
     * the action may read and clear the state of that key.
     */
    <S extends State> void forEachKey(StateDescriptor<S> descriptor, BiConsumer<Object, S> action);

    /** Number of keys with a value in the named state. */
    int numKeys(String stateName);
}
