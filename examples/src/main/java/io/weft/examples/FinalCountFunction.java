package io.weft.examples;

import io.weft.api.functions.Collector;
import io.weft.api.functions.KeyedProcessFunction;
import io.weft.api.functions.RuntimeContext;
import io.weft.api.state.ValueState;
import io.weft.api.state.ValueStateDescriptor;
import io.weft.api.tuple.Tuple2;

/**
 * Counts the {@code (word, n)} records of each word in keyed state and emits one {@code (word, total)} per word
 * when the input ends, so that WordCount's streaming output equals its batch output (final counts, not a
 * changelog).
 *
 * <p>The first record of a word registers an event-time timer at {@code Long.MAX_VALUE}; it fires once, when the
 * bounded input ends and the watermark reaches its maximum. Used by one task thread per subtask.
 */
public final class FinalCountFunction
        extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>> {
    private ValueState<Long> count;

    @Override
    public void open(RuntimeContext context) {
        count = context.getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Tuple2<String, Long> value, Context<String> ctx, Collector<Tuple2<String, Long>> out) {
        Long current = count.value();
        if (current == null) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            current = 0L;
        }
        count.update(current + value.f1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<Tuple2<String, Long>> out) {
        out.collect(new Tuple2<>(ctx.getCurrentKey(), count.value()));
    }
}
