package io.weft.api;

/**
 * Thrown by {@code execute()} when a job ends FAILED or CANCELED; carries the job id, the final status and, for
 * a failure, the root cause reported by the task that failed.
 */
public class JobExecutionException extends WeftException {
    private final JobID jobId;
    private final JobStatus status;

    public JobExecutionException(JobID jobId, JobStatus status, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.status = status;
    }

    public JobID getJobId() {
        return jobId;
    }

    public JobStatus getStatus() {
        return status;
    }
}
