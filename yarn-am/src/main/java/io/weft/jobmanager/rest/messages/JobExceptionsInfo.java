package io.weft.jobmanager.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.weft.jobmanager.JobExceptions;
import io.weft.runtime.ErrorInfo;
import java.util.List;

/**
 * {@code GET /jobs/:jobid/exceptions}: the failure that ended the job (null unless it failed) and every failed
 * attempt, newest first, each as its stack trace. Immutable.
 */
public record JobExceptionsInfo(
        @JsonProperty("root-exception") String rootException,
        Long timestamp,
        @JsonProperty("all-exceptions") List<Entry> allExceptions) {

    /** One failed attempt: the stack trace, the subtask (with its index) and when it failed. */
    public record Entry(
            String exception,
            String task,
            int attempt,
            @JsonProperty("taskmanager-id") String taskManagerId,
            long timestamp) {
    }

    public static JobExceptionsInfo of(JobExceptions exceptions) {
        List<Entry> entries = exceptions.attemptFailures().stream().map(f -> new Entry(describe(f.error()), f.task(),
                f.attempt(), f.taskManager(), f.timestamp())).toList();
        return new JobExceptionsInfo(exceptions.rootCause() == null ? null : describe(exceptions.rootCause()),
                exceptions.rootTimestamp(), entries);
    }

    /** The stack trace when there is one, else the exception class and message. */
    private static String describe(ErrorInfo error) {
        return error.stackTrace() == null || error.stackTrace().isBlank() ? error.toString() : error.stackTrace();
    }
}
