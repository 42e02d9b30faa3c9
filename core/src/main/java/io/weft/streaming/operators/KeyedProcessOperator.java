package io.weft.streaming.operators;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.functions.KeySelector;
import io.weft.api.functions.KeyedProcessFunction;
import io.weft.api.functions.TimerService;
import io.weft.streaming.OneInputStreamOperator;
import io.weft.streaming.ProcessingTimeService;

/**
 * Runs a {@link KeyedProcessFunction}: sets the current key, offers keyed state and timers.
 *
 * <p>Event-time timers fire as the watermark passes them; a bounded input ends with the watermark at
 * {@code Long.MAX_VALUE}, which fires every remaining event-time timer (in BATCH mode remaining processing-time
 * timers fire too). Processing-time timers fire from the task's clock. Task thread only.
 */
public final class KeyedProcessOperator<K, IN, OUT> extends AbstractStreamOperator<KeyedProcessFunction<K, IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {
    private final TimerQueue eventTimers = new TimerQueue();
    private final TimerQueue processingTimers = new TimerQueue();
    private long watermark = Long.MIN_VALUE;
    private long scheduledWakeUp = Long.MAX_VALUE;
    private ProcessingTimeService clock;
    private Ctx ctx;

    public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> f, KeySelector<IN, K> keySelector) {
        super(f, keySelector);
    }

    @Override
    public void open() throws Exception {
        super.open();
        clock = context.processingTimeService();
        ctx = new Ctx();
    }

    @Override
    public void processElement(IN record) throws Exception {
        setKeyContextElement(record);
        ctx.eventTime = false;
        userFunction.processElement(record, ctx, output);
    }

    /** Advances the watermark, firing due event-time timers in time order. */
    public void advanceWatermark(long newWatermark) throws Exception {
        watermark = Math.max(watermark, newWatermark);
        TimerQueue.Timer t;
        while ((t = eventTimers.pollDue(watermark)) != null) {
            fire(t, true);
        }
    }

    private void onProcessingTime(long time) throws Exception {
        scheduledWakeUp = Long.MAX_VALUE;
        TimerQueue.Timer t;
        while ((t = processingTimers.pollDue(time)) != null) {
            fire(t, false);
        }
        scheduleWakeUp();
    }

    private void fire(TimerQueue.Timer t, boolean eventTime) throws Exception {
        keyedState.setCurrentKey(t.key());
        ctx.eventTime = eventTime;
        userFunction.onTimer(t.timestamp(), ctx, output);
    }

    private void scheduleWakeUp() {
        long next = processingTimers.earliest();
        if (next < scheduledWakeUp) {
            scheduledWakeUp = next;
            clock.registerTimer(next, this::onProcessingTime);
        }
    }

    @Override
    public void finish() throws Exception {
        advanceWatermark(Long.MAX_VALUE);
        if (context.runtimeMode() == RuntimeExecutionMode.BATCH) {
            onProcessingTime(Long.MAX_VALUE);
        }
    }

    /** The context and timer service handed to the function; one per operator. */
    private final class Ctx implements KeyedProcessFunction.OnTimerContext<K>, TimerService {
        boolean eventTime;

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) keyedState.getCurrentKey();
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public boolean isEventTime() {
            return eventTime;
        }

        @Override
        public long currentProcessingTime() {
            return clock.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public void registerEventTimeTimer(long time) {
            eventTimers.add(keyedState.getCurrentKey(), time);
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            processingTimers.add(keyedState.getCurrentKey(), time);
            scheduleWakeUp();
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            eventTimers.remove(keyedState.getCurrentKey(), time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            processingTimers.remove(keyedState.getCurrentKey(), time);
        }
    }
}
