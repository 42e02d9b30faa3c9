package io.weft.graph;

import io.weft.api.functions.KeySelector;
import io.weft.streaming.partitioner.PartitionType;
import java.util.List;

/** Changes how records reach the next operator (keyBy, rebalance, broadcast); no operator of its own. */
public final class PartitionTransformation<T> extends Transformation<T> {
    private final Transformation<T> input;
    private final PartitionType type;
    private final KeySelector<T, ?> keySelector;

    public PartitionTransformation(Transformation<T> input, PartitionType type, KeySelector<T, ?> keySelector) {
        super(type.name());
        this.input = input;
        this.type = type;
        this.keySelector = keySelector;
        setOutputType(input.getOutputType());
    }

    public PartitionType getType() {
        return type;
    }

    public KeySelector<T, ?> getKeySelector() {
        return keySelector;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
