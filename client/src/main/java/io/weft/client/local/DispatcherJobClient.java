package io.weft.client.local;

import io.weft.api.JobExecutionException;
import io.weft.api.JobExecutionResult;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.api.execution.JobClient;
import io.weft.jobmanager.JobResult;
import io.weft.jobmanager.dispatcher.Dispatcher;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link JobClient} talking to a Dispatcher in this JVM. Its result future turns a FAILED or CANCELED job into
 * a {@link JobExecutionException} whose cause carries the root cause reported by the failing task.
 *
 * <p>Thread-safe; futures complete on JobManager threads.
 */
public final class DispatcherJobClient implements JobClient {
    private final Dispatcher dispatcher;
    private final JobID jobId;
    private final CompletableFuture<JobExecutionResult> result;

    public DispatcherJobClient(Dispatcher dispatcher, JobID jobId) {
        this.dispatcher = dispatcher;
        this.jobId = jobId;
        this.result = dispatcher.requestJobResult(jobId).thenApply(DispatcherJobClient::toExecutionResult);
    }

    static JobExecutionResult toExecutionResult(JobResult r) {
        if (r.status() == JobStatus.FINISHED) {
            return new JobExecutionResult(r.jobId(), r.status(), r.netRuntimeMillis(), r.counters());
        }
        if (r.status() == JobStatus.FAILED) {
            throw new JobExecutionException(r.jobId(), r.status(), "Job " + r.jobId() + " failed: "
                    + (r.failure() == null ? "unknown cause" : r.failure().message()),
                    r.failure() == null ? null : r.failure().toException());
        }
        throw new JobExecutionException(r.jobId(), r.status(), "Job " + r.jobId() + " was " + r.status(), null);
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return dispatcher.requestJobStatus(jobId);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return dispatcher.cancelJob(jobId);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result.handle((r, e) -> {
            if (e == null) {
                return r;
            }
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new java.util.concurrent.CompletionException(cause);
        });
    }
}
