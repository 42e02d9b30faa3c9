package io.weft.connectors.testing;

import io.weft.api.JobID;
import io.weft.api.connector.SinkContext;
import io.weft.config.Configuration;

/** A {@link SinkContext} with fixed values, standing in for the engine's sink operator. */
public record TestSinkContext(int subtaskIndex, int parallelism, int attemptNumber) implements SinkContext {
    private static final JobID JOB_ID = JobID.generate();

    @Override
    public JobID getJobId() {
        return JOB_ID;
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
}
