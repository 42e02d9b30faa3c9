package io.weft.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.JobExecutionException;
import io.weft.api.JobExecutionResult;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.api.execution.JobClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConsoleJobListenerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleJobListener listener = new ConsoleJobListener(
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final JobID jobId = JobID.generate();

    @Test
    void whenSubmitted_thenPrintsTheJobId() {
        listener.onJobSubmitted(new FixedJobClient(jobId));

        assertThat(output()).isEqualTo("Job " + jobId + " submitted\n");
        assertThat(jobId.toString()).matches("[0-9a-f]{32}");
    }

    @Test
    void whenFinished_thenPrintsTheFinalStatus() {
        listener.onJobSubmitted(new FixedJobClient(jobId));
        listener.onJobExecuted(new JobExecutionResult(jobId, JobStatus.FINISHED, 12, Map.of()), null);

        assertThat(output()).isEqualTo("Job " + jobId + " submitted\nJob " + jobId + " FINISHED\n");
    }

    @Test
    void whenFailed_thenPrintsStatusAndTheUsersMessage() {
        listener.onJobExecuted(null, failure(JobStatus.FAILED,
                new RuntimeException("Task 'Map (2/4)' failed", new IllegalStateException("boom"))));

        assertThat(output()).isEqualTo("Job " + jobId + " FAILED\nCause: boom\n");
    }

    @Test
    void whenDeepestCauseHasNoMessage_thenTheDeepestMessageWins() {
        listener.onJobExecuted(null, failure(JobStatus.FAILED,
                new IllegalArgumentException("bad record 'x'", new UncheckedIOException(null, new IOException()))));

        assertThat(output()).endsWith("Cause: bad record 'x'\n");
    }

    @Test
    void whenCanceled_thenPrintsStatusWithoutCause() {
        listener.onJobExecuted(null, failure(JobStatus.CANCELED, null));

        assertThat(output()).isEqualTo("Job " + jobId + " CANCELED\n");
    }

    @Test
    void whenFailureIsNotAJobExecutionException_thenReportsTheSubmittedJobAsFailed() {
        listener.onJobSubmitted(new FixedJobClient(jobId));
        listener.onJobExecuted(null, new IllegalStateException("connection to the cluster lost"));

        assertThat(output()).endsWith("Job " + jobId + " FAILED\nCause: connection to the cluster lost\n");
    }

    @Test
    void whenEndAlreadyReported_thenReportIfNewPrintsNothing() {
        JobExecutionException failure = failure(JobStatus.FAILED, new IllegalStateException("boom"));
        listener.onJobExecuted(null, failure);
        String once = output();

        listener.reportIfNew(failure);

        assertThat(output()).isEqualTo(once);
    }

    @Test
    void whenEndNotReported_thenReportIfNewPrintsIt() {
        listener.reportIfNew(failure(JobStatus.FAILED, new IllegalStateException("boom")));

        assertThat(output()).isEqualTo("Job " + jobId + " FAILED\nCause: boom\n");
    }

    private JobExecutionException failure(JobStatus status, Throwable cause) {
        return new JobExecutionException(jobId, status, "Job " + jobId + " " + status, cause);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /** A job client that only knows its id. */
    private record FixedJobClient(JobID id) implements JobClient {
        @Override
        public JobID getJobID() {
            return id;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.completedFuture(JobStatus.RUNNING);
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return new CompletableFuture<>();
        }
    }
}
