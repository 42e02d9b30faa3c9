package io.weft.jobmanager;

import io.weft.runtime.ErrorInfo;
import java.util.List;

/**
 * The failures of a job: the one that ended it (for a FAILED job) and every failed execution attempt, newest
 * first, whether or not a restart cured it. Immutable.
 *
 * @param rootCause the failure that failed the job, or null when the job has not failed
 * @param rootTimestamp when the job started failing (epoch millis), or null with {@code rootCause}
 * @param attemptFailures every failed attempt, newest first
 */
public record JobExceptions(ErrorInfo rootCause, Long rootTimestamp, List<AttemptFailure> attemptFailures) {

    /**
     * One failed execution attempt.
     *
     * @param task the subtask's name with its index, such as {@code "Map (2/4)"}
     * @param attempt the attempt number of the subtask, counting from 0
     * @param taskManager the TaskManager the attempt ran on, or null when it was never deployed
     * @param timestamp when the attempt failed (epoch millis)
     */
    public record AttemptFailure(ErrorInfo error, String task, int attempt, String taskManager, long timestamp) {
    }
}
