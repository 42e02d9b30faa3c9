package io.weft.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a finished job reports back to the program that ran it: its id, final status, runtime and counters.
 *
 * <p>Immutable and thread-safe.
 */
public final class JobExecutionResult {
    private final JobID jobId;
    private final JobStatus status;
    private final long netRuntimeMillis;
    private final Map<String, Long> counters;

    public JobExecutionResult(JobID jobId, JobStatus status, long netRuntimeMillis, Map<String, Long> counters) {
        this.jobId = jobId;
        this.status = status;
        this.netRuntimeMillis = netRuntimeMillis;
        this.counters = Map.copyOf(new TreeMap<>(counters));
    }

    public JobID getJobID() {
        return jobId;
    }

    public JobStatus getJobStatus() {
        return status;
    }

    /** Wall-clock milliseconds from the job's first RUNNING to its final status. */
    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    /** Counters keyed by name, such as {@code <vertex name>.numRecordsOut}. */
    public Map<String, Long> getCounters() {
        return counters;
    }

    @Override
    public String toString() {
        return "Job " + jobId + " " + status + " in " + netRuntimeMillis + " ms";
    }
}
