package io.weft.graph;

import io.weft.api.RuntimeExecutionMode;
import io.weft.config.Configuration;
import java.util.List;

/**
 * The operator-level graph of a program, with parallelism resolved: what the API built, before chaining.
 * Immutable once built.
 *
 * @param nodes in topological order (every node after its inputs)
 * @param runtimeMode BATCH or STREAMING (AUTOMATIC resolved)
 */
public record StreamGraph(String jobName, List<StreamNode> nodes, RuntimeExecutionMode runtimeMode,
        Configuration configuration) {
}
