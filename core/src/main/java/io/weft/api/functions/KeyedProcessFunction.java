package io.weft.api.functions;

/**
 * Processes the records of a keyed stream one at a time, with keyed state (through the {@link RuntimeContext}
 * handed to {@link #open}) and timers.
 *
 * @param <K> key type
 * @param <I> input type
 * @param <O> output type
 */
public abstract class KeyedProcessFunction<K, I, O> implements RichFunction {
    public abstract void processElement(I value, Context<K> ctx, Collector<O> out) throws Exception;

    /** Called when a timer of the current key fires. */
    public void onTimer(long timestamp, OnTimerContext<K> ctx, Collector<O> out) throws Exception {
    }

    /** What {@link #processElement} may see and do besides emitting. */
    public interface Context<K> {
        K getCurrentKey();

        TimerService timerService();
    }

    /** What {@link #onTimer} may see: the context plus whether the timer was event or processing time. */
    public interface OnTimerContext<K> extends Context<K> {
        boolean isEventTime();
    }
}
