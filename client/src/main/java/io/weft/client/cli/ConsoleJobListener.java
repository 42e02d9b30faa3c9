package io.weft.client.cli;

import io.weft.api.JobExecutionException;
import io.weft.api.JobExecutionResult;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.api.execution.JobClient;
import io.weft.api.execution.JobListener;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints a job's life on the console: {@code Job <id> submitted} when the target accepted it, then
 * {@code Job <id> FINISHED|FAILED|CANCELED} when it ended and, for a failure, {@code Cause: <root cause message>}.
 *
 * <h2>Threading</h2>
 * Called on the thread that runs the program's {@code execute()}; {@link #reportIfNew} is called by the CLI's
 * thread after the program returned. The set of reported jobs is concurrent, so the two may differ.
 */
final class ConsoleJobListener implements JobListener {
    private final PrintStream out;
    private final Set<JobID> reported = ConcurrentHashMap.newKeySet();
    private volatile JobID lastSubmitted;

    ConsoleJobListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onJobSubmitted(JobClient client) {
        lastSubmitted = client.getJobID();
        out.println("Job " + client.getJobID() + " submitted");
    }

    @Override
    public void onJobExecuted(JobExecutionResult result, Throwable failure) {
        if (result != null) {
            report(result.getJobID(), result.getJobStatus(), null);
            return;
        }
        JobExecutionException jobFailure = Failures.find(failure, JobExecutionException.class);
        if (jobFailure != null) {
            reportIfNew(jobFailure);
        } else {
            // The job's outcome could not be obtained (no JobExecutionException): to the program it failed.
            report(lastSubmitted, JobStatus.FAILED, failure);
        }
    }

    /**
     * Prints the end of the job that {@code failure} reports, unless it was printed already: a program may
     * wait for its job without {@code execute()}, so that the listener never heard of the end.
     */
    void reportIfNew(JobExecutionException failure) {
        if (failure.getJobId() == null || !reported.contains(failure.getJobId())) {
            report(failure.getJobId(), failure.getStatus() == null ? JobStatus.FAILED : failure.getStatus(),
                    failure);
        }
    }

    private void report(JobID jobId, JobStatus status, Throwable failure) {
        if (jobId != null) {
            reported.add(jobId);
        }
        out.println("Job " + (jobId == null ? "(unknown id)" : jobId) + " " + status);
        if (failure != null && status == JobStatus.FAILED) {
            out.println("Cause: " + Failures.rootCauseMessage(failure));
        }
    }
}
