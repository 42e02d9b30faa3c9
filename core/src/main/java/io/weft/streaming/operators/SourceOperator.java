package io.weft.streaming.operators;

import io.weft.api.connector.InputStatus;
import io.weft.api.connector.ReaderOutput;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import io.weft.api.connector.SourceReaderContext;
import io.weft.api.functions.Function;
import io.weft.config.Configuration;
import java.util.concurrent.CompletableFuture;

/**
 * The head of a source task: polls the subtask's {@link SourceReader} and pushes what it emits down the chain.
 *
 * <p>Task thread only.
 */
public final class SourceOperator<T> extends AbstractStreamOperator<Function, T> {
    private final Source<T> source;
    private SourceReader<T> reader;
    private ReaderOutput<T> readerOutput;

    public SourceOperator(Source<T> source) {
        super(null, null);
        this.source = source;
    }

    @Override
    public void open() throws Exception {
        reader = source.createReader(new SourceReaderContext() {
            @Override
            public int getSubtaskIndex() {
                return context.subtaskIndex();
            }

            @Override
            public int getParallelism() {
                return context.parallelism();
            }

            @Override
            public int getAttemptNumber() {
                return context.attemptNumber();
            }

            @Override
            public Configuration getConfiguration() {
                return context.configuration();
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return context.userCodeClassLoader();
            }
        });
        readerOutput = output::collect;
        reader.open();
    }

    /** Polls the reader once. */
    public InputStatus emitNext() throws Exception {
        return reader.pollNext(readerOutput);
    }

    /** Completes when the reader has data again. */
    public CompletableFuture<Void> available() {
        return reader.isAvailable();
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }
}
