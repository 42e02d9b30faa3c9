package io.weft.jobmanager;

import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.runtime.ErrorInfo;
import java.util.Map;

/**
 * How a job ended: its final status, the failure that ended it (for FAILED), the net runtime and the counters
 * summed over all subtasks. Immutable.
 */
public record JobResult(JobID jobId, String jobName, JobStatus status, ErrorInfo failure, long netRuntimeMillis,
        Map<String, Long> counters) {
}
