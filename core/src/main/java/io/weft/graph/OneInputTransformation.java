package io.weft.graph;

import io.weft.api.connector.Sink;
import io.weft.api.functions.KeySelector;
import io.weft.api.functions.ReduceFunction;
import io.weft.streaming.OperatorFactory;
import java.util.List;

/** Applies an operator to one input; keyed when it has a state key selector. */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
    private final Transformation<IN> input;
    private final OperatorFactory<OUT> operatorFactory;
    private final KeySelector<IN, ?> stateKeySelector;
    private Sink<?> sink;
    private ReduceFunction<IN> combineFunction;
    private OperatorFactory<OUT> partialsOperatorFactory;

    public OneInputTransformation(Transformation<IN> input, String name, OperatorFactory<OUT> operatorFactory,
            KeySelector<IN, ?> stateKeySelector) {
        super(name);
        this.input = input;
        this.operatorFactory = operatorFactory;
        this.stateKeySelector = stateKeySelector;
    }

    public OperatorFactory<OUT> getOperatorFactory() {
        return operatorFactory;
    }

    /** The key selector of keyed state, or null when the operator is not keyed. */
    public KeySelector<IN, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    /** The sink this operator writes to, or null when it is not a sink. */
    public Sink<?> getSink() {
        return sink;
    }

    public void setSink(Sink<?> sink) {
        this.sink = sink;
    }

    /** The associative reduce function of a keyed reduce, which may pre-aggregate before the shuffle; or null. */
    public ReduceFunction<IN> getCombineFunction() {
        return combineFunction;
    }

    /** The operator to use instead when a combiner feeds {@code (key, partial value)} pairs to this one. */
    public OperatorFactory<OUT> getPartialsOperatorFactory() {
        return partialsOperatorFactory;
    }

    /**
     * Declares this operator a keyed reduce whose input may be pre-aggregated per key before the shuffle.
     *
     * @param combineFunction the associative reduce function
     * @param partialsOperatorFactory creates the operator that reduces {@code (key, partial value)} pairs
     */
    public void setCombinable(ReduceFunction<IN> combineFunction, OperatorFactory<OUT> partialsOperatorFactory) {
        this.combineFunction = combineFunction;
        this.partialsOperatorFactory = partialsOperatorFactory;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
