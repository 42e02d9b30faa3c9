package io.weft.jobmanager;

/**
 * What the Dispatcher keeps of a job after its JobMaster is gone: its result, the last snapshot of its details and
 * its failures. Immutable.
 */
public record ArchivedJob(JobResult result, JobDetails details, JobExceptions exceptions) {
}
