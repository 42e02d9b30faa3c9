package io.weft.jobmanager.dispatcher;

import io.weft.api.JobID;
import io.weft.api.WeftException;

/** A request named a job this Dispatcher does not know (or no longer runs). */
public final class UnknownJobException extends WeftException {
    public UnknownJobException(JobID jobId, boolean finished) {
        super(finished ? "Job " + jobId + " has already finished" : "No job with id " + jobId
                + " is known to this cluster: check the id with 'weft list -a'");
    }
}
