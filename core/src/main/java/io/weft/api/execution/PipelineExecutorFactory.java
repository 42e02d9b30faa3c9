package io.weft.api.execution;

import io.weft.config.Configuration;

/**
 * Service-loaded provider of a {@link PipelineExecutor} for one value of {@code execution.target}. Implemented
 * by the client module (the embedded cluster is target {@code local}).
 */
public interface PipelineExecutorFactory {
    /** The {@code execution.target} value this factory serves. */
    String name();

    PipelineExecutor getExecutor(Configuration configuration);
}
