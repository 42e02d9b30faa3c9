package io.weft.client.local;

import io.weft.api.execution.PipelineExecutor;
import io.weft.api.execution.PipelineExecutorFactory;
import io.weft.config.Configuration;

/** Serves {@code execution.target: local} — the embedded cluster, the default. Stateless. */
public final class EmbeddedExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new EmbeddedExecutor();
    }
}
