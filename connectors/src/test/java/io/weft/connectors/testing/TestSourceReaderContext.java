package io.weft.connectors.testing;

import io.weft.api.connector.SourceReaderContext;
import io.weft.config.Configuration;

/** A {@link SourceReaderContext} with fixed values, standing in for the engine's source operator. */
public record TestSourceReaderContext(int subtaskIndex, int parallelism, int attemptNumber)
        implements SourceReaderContext {

    public TestSourceReaderContext(int subtaskIndex, int parallelism) {
        this(subtaskIndex, parallelism, 0);
    }

    @Override
    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    @Override
    public int getParallelism() {
        return parallelism;
    }

    @Override
    public int getAttemptNumber() {
        return attemptNumber;
    }

    @Override
    public Configuration getConfiguration() {
        return new Configuration();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return getClass().getClassLoader();
    }
}
