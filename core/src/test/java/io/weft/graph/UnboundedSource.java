package io.weft.graph;

import io.weft.api.connector.Boundedness;
import io.weft.api.connector.InputStatus;
import io.weft.api.connector.ReaderOutput;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import io.weft.api.connector.SourceReaderContext;

/** A source that never ends (and never emits); graph translation never runs it. */
final class UnboundedSource<T> implements Source<T> {
    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            @Override
            public InputStatus pollNext(ReaderOutput<T> output) {
                return InputStatus.NOTHING_AVAILABLE;
            }

            @Override
            public void close() {
            }
        };
    }
}
