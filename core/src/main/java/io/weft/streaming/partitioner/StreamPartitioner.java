package io.weft.streaming.partitioner;

import io.weft.api.functions.KeySelector;
import io.weft.runtime.KeyGroupRangeAssignment;

/**
 * Chooses the outgoing channel of each record of one producer subtask. Created per subtask attempt; task
 * thread only.
 */
public abstract class StreamPartitioner<T> {
    /** The channel of {@code record}, or -1 for every channel (broadcast). */
    public abstract int selectChannel(T record) throws Exception;

    /** A fresh partitioner for one producer subtask writing to {@code channels} channels. */
    @SuppressWarnings("unchecked")
    public static <T> StreamPartitioner<T> create(PartitionType type, KeySelector<?, ?> keySelector,
            int maxParallelism, int channels, int subtaskIndex) {
        return switch (type) {
            case FORWARD -> new StreamPartitioner<>() {
                @Override
                public int selectChannel(T record) {
                    return 0;
                }
            };
            case BROADCAST -> new StreamPartitioner<>() {
                @Override
                public int selectChannel(T record) {
                    return -1;
                }
            };
            case REBALANCE -> new StreamPartitioner<>() {
                private int next = subtaskIndex % channels;

                @Override
                public int selectChannel(T record) {
                    int c = next;
                    next = c + 1 == channels ? 0 : c + 1;
                    return c;
                }
            };
            case HASH -> new StreamPartitioner<>() {
                private final KeySelector<T, ?> keys = (KeySelector<T, ?>) keySelector;

                @Override
                public int selectChannel(T record) throws Exception {
                    Object key = keys.getKey(record);
                    if (key == null) {
                        throw new NullPointerException("The key selector returned null for record " + record
                                + ": keys must not be null");
                    }
                    int group = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
                    return KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, channels, group);
                }
            };
        };
    }
}
