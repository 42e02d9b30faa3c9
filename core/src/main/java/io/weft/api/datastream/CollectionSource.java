package io.weft.api.datastream;

import io.weft.api.connector.Boundedness;
import io.weft.api.connector.InputStatus;
import io.weft.api.connector.ReaderOutput;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import io.weft.api.connector.SourceReaderContext;
import java.util.Collection;
import java.util.List;

/**
 * A bounded source of in-memory elements; subtask i of n reads the elements whose index modulo n is i. The
 * list is shared read-only by all readers.
 */
final class CollectionSource<T> implements Source<T> {
    private final List<T> elements;

    CollectionSource(Collection<T> elements) {
        this.elements = List.copyOf(elements);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<T> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private int next = context.getSubtaskIndex();

            @Override
            public InputStatus pollNext(ReaderOutput<T> output) {
                if (next >= elements.size()) {
                    return InputStatus.END_OF_INPUT;
                }
                output.collect(elements.get(next));
                next += context.getParallelism();
                return next < elements.size() ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
            }
        };
    }
}
