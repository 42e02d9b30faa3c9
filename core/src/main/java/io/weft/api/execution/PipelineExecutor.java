package io.weft.api.execution;

import io.weft.config.Configuration;
import io.weft.graph.JobGraph;

/** Submits a job graph to the target it stands for (an embedded cluster, later a remote or YARN cluster). */
public interface PipelineExecutor {
    /**
     * Submits the job; returns once the target accepted it.
     *
     * @param configuration the effective configuration of the program
     */
    JobClient execute(JobGraph jobGraph, Configuration configuration, ClassLoader userCodeClassLoader)
            throws Exception;
}
