package io.weft.graph;

import java.util.List;

/** Merges streams of the same type; no operator of its own. */
public final class UnionTransformation<T> extends Transformation<T> {
    private final List<Transformation<T>> inputs;

    public UnionTransformation(List<Transformation<T>> inputs) {
        super("Union");
        this.inputs = List.copyOf(inputs);
        setOutputType(inputs.get(0).getOutputType());
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.copyOf(inputs);
    }
}
