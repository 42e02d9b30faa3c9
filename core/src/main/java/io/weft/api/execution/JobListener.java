package io.weft.api.execution;

import io.weft.api.JobExecutionResult;

/**
 * Told when the environment submits a job and when the job ends; the CLI uses it to print the job id and the
 * final status. Called on the thread that runs {@code execute()}.
 */
public interface JobListener {
    void onJobSubmitted(JobClient client);

    /** Exactly one of {@code result} and {@code failure} is non-null. */
    void onJobExecuted(JobExecutionResult result, Throwable failure);
}
