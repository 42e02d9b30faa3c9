package io.weft.graph;

import io.weft.api.connector.Source;
import java.util.List;

/** Reads from a {@link Source}. */
public final class SourceTransformation<T> extends Transformation<T> {
    private final Source<T> source;

    public SourceTransformation(String name, Source<T> source) {
        super(name);
        this.source = source;
    }

    public Source<T> getSource() {
        return source;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
