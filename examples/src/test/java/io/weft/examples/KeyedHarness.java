package io.weft.examples;

import io.weft.api.JobID;
import io.weft.api.functions.Collector;
import io.weft.api.functions.KeyedProcessFunction;
import io.weft.api.functions.RuntimeContext;
import io.weft.api.functions.TimerService;
import io.weft.api.state.ListState;
import io.weft.api.state.ListStateDescriptor;
import io.weft.api.state.MapState;
import io.weft.api.state.MapStateDescriptor;
import io.weft.api.state.ReducingState;
import io.weft.api.state.ReducingStateDescriptor;
import io.weft.api.state.ValueState;
import io.weft.api.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs a {@link KeyedProcessFunction} on one thread the way the engine's keyed process operator does, with
 * value state and event-time timers kept per key in memory: {@link #process} sets the key and calls the function,
 * {@link #endInput} moves the watermark to {@code Long.MAX_VALUE}, firing every timer in time order.
 */
final class KeyedHarness<I, O> {
    private final KeyedProcessFunction<String, I, O> function;
    private final Function<I, String> keyOf;
    private final Map<String, Map<String, Object>> valueStates = new HashMap<>();
    private final TreeSet<Timer> timers = new TreeSet<>();
    private final List<O> output = new ArrayList<>();
    private final Collector<O> collector = output::add;
    private final Context context = new Context();
    private String currentKey;

    KeyedHarness(KeyedProcessFunction<String, I, O> function, Function<I, String> keyOf)
            throws Exception {
        this.function = function;
        this.keyOf = keyOf;
        function.open(context);
    }

    void process(I value) throws Exception {
        currentKey = keyOf.apply(value);
        function.processElement(value, context, collector);
    }

    void endInput() throws Exception {
        while (!timers.isEmpty()) {
            Timer t = timers.pollFirst();
            currentKey = t.key();
            function.onTimer(t.time(), context, collector);
        }
    }

    List<O> output() {
        return output;
    }

    int pendingTimers() {
        return timers.size();
    }

    private record Timer(long time, String key) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int byTime = Long.compare(time, o.time);
            return byTime != 0 ? byTime : key.compareTo(o.key);
        }
    }

    /** The runtime context, process and timer context and timer service handed to the function. */
    private final class Context implements RuntimeContext, KeyedProcessFunction.OnTimerContext<String>,
            TimerService {
        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
            return new ValueState<>() {
                @Override
                @SuppressWarnings("unchecked")
                public T value() {
                    return (T) valueStates.getOrDefault(descriptor.getName(), Map.of()).get(currentKey);
                }

                @Override
                public void update(T value) {
                    valueStates.computeIfAbsent(descriptor.getName(), n -> new HashMap<>()).put(currentKey, value);
                }

                @Override
                public void clear() {
                    valueStates.getOrDefault(descriptor.getName(), new HashMap<>()).remove(currentKey);
                }
            };
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
            throw new UnsupportedOperationException("The harness offers value state only");
        }

        @Override
        public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
            throw new UnsupportedOperationException("The harness offers value state only");
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
            throw new UnsupportedOperationException("The harness offers value state only");
        }

        @Override
        public JobID getJobId() {
            return new JobID(0, 1);
        }

        @Override
        public String getTaskName() {
            return "harness";
        }

        @Override
        public int getIndexOfThisSubtask() {
            return 0;
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return 1;
        }

        @Override
        public int getMaxNumberOfParallelSubtasks() {
            return 128;
        }

        @Override
        public int getAttemptNumber() {
            return 0;
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return getClass().getClassLoader();
        }

        @Override
        public String getCurrentKey() {
            return currentKey;
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public boolean isEventTime() {
            return true;
        }

        @Override
        public long currentProcessingTime() {
            return System.currentTimeMillis();
        }

        @Override
        public long currentWatermark() {
            return Long.MIN_VALUE;
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.add(new Timer(time, currentKey));
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException("The harness offers event-time timers only");
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timers.remove(new Timer(time, currentKey));
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException("The harness offers event-time timers only");
        }
    }
}
