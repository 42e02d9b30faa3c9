package io.weft.api.execution;

import io.weft.api.JobExecutionResult;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job. Thread-safe; futures complete on a cluster thread. */
public interface JobClient {
    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    /** Asks the cluster to cancel the job; completes when the request was accepted. */
    CompletableFuture<Void> cancel();

    /**
     * Completes with the result when the job FINISHED, or exceptionally with a
     * {@link io.weft.api.JobExecutionException} when it FAILED or was CANCELED.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
