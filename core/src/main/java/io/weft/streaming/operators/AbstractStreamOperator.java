package io.weft.streaming.operators;

import io.weft.api.JobID;
import io.weft.api.functions.Function;
import io.weft.api.functions.KeySelector;
import io.weft.api.functions.RichFunction;
import io.weft.api.functions.RuntimeContext;
import io.weft.api.state.ListState;
import io.weft.api.state.ListStateDescriptor;
import io.weft.api.state.MapState;
import io.weft.api.state.MapStateDescriptor;
import io.weft.api.state.ReducingState;
import io.weft.api.state.ReducingStateDescriptor;
import io.weft.api.state.StateDescriptor;
import io.weft.api.state.ValueState;
import io.weft.api.state.ValueStateDescriptor;
import io.weft.streaming.OperatorContext;
import io.weft.streaming.Output;
import io.weft.streaming.StreamOperator;
import io.weft.streaming.state.KeyedStateBackend;

/**
 * Base of the built-in operators: holds the context and output, opens and closes a user function, and for
 * operators on a keyed stream sets the current key of the state backend before each record.
 *
 * <p>Used on the task thread only.
 *
 * @param <F> the user function type (may be a lambda)
 * @param <OUT> output type
 */
public abstract class AbstractStreamOperator<F extends Function, OUT> implements StreamOperator<OUT> {
    protected final F userFunction;
    private final KeySelector<Object, ?> keySelector;
    protected OperatorContext context;
    protected Output<OUT> output;
    protected KeyedStateBackend keyedState;

    @SuppressWarnings("unchecked")
    protected AbstractStreamOperator(F userFunction, KeySelector<?, ?> keySelector) {
        this.userFunction = userFunction;
        this.keySelector = (KeySelector<Object, ?>) keySelector;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
        this.keyedState = context.keyedStateBackend();
        if (keySelector != null && keyedState == null) {
            throw new IllegalStateException("Operator " + context.operatorName() + " is keyed but task "
                    + context.taskName() + " has no keyed state backend");
        }
    }

    @Override
    public void open() throws Exception {
        if (userFunction instanceof RichFunction rich) {
            rich.open(new OperatorRuntimeContext());
        }
    }

    @Override
    public void finish() throws Exception {
    }

    @Override
    public void close() throws Exception {
        if (userFunction instanceof RichFunction rich) {
            rich.close();
        }
    }

    /** Sets the state backend's current key to the key of {@code record} (keyed operators only). */
    protected final void setKeyContextElement(Object record) throws Exception {
        keyedState.setCurrentKey(keySelector.getKey(record));
    }

    protected final boolean isKeyed() {
        return keySelector != null;
    }

    /** The {@link RuntimeContext} handed to rich user functions. */
    private final class OperatorRuntimeContext implements RuntimeContext {
        @Override
        public JobID getJobId() {
            return context.jobId();
        }

        @Override
        public String getTaskName() {
            return context.taskName();
        }

        @Override
        public int getIndexOfThisSubtask() {
            return context.subtaskIndex();
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return context.parallelism();
        }

        @Override
        public int getMaxNumberOfParallelSubtasks() {
            return context.maxParallelism();
        }

        @Override
        public int getAttemptNumber() {
            return context.attemptNumber();
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return context.userCodeClassLoader();
        }

        private <S extends io.weft.api.state.State> S state(StateDescriptor<S> d) {
            if (keyedState == null || keySelector == null) {
                throw new UnsupportedOperationException("Keyed state '" + d.getName() + "' is only available on a"
                        + " keyed stream: call keyBy(...) before " + context.operatorName());
            }
            return keyedState.getOrCreateState(d);
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
            return state(d);
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
            return state(d);
        }

        @Override
        public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) {
            return state(d);
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
            return state(d);
        }
    }
}
