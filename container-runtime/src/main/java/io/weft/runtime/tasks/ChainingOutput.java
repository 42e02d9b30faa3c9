package io.weft.runtime.tasks;

import io.weft.streaming.OneInputStreamOperator;
import io.weft.streaming.Output;

/** Hands records straight to the next operator of the chain; task thread only. */
final class ChainingOutput<T> implements Output<T> {
    private final OneInputStreamOperator<T, ?> next;

    ChainingOutput(OneInputStreamOperator<T, ?> next) {
        this.next = next;
    }

    @Override
    public void collect(T record) {
        try {
            next.processElement(record);
        } catch (Exception e) {
            throw Sneaky.rethrow(e);
        }
    }
}
