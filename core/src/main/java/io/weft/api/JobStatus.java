package io.weft.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The status of a job, with the checked table of legal transitions.
 *
 * <pre>
 *   CREATED ──▶ RUNNING ──────────────────────▶ FINISHED
 *      ▲           │ ├──▶ FAILING ──▶ FAILED
 *      │           │ └──▶ CANCELLING ──▶ CANCELED
 *      │           ▼
 *      └──── RESTARTING
 *   CREATED and RESTARTING may also move to FAILING (no slots) or CANCELLING (cancel before running)
 *   any non-terminal status ──▶ SUSPENDED (terminal only locally: with HA another JobManager may resume)
 * </pre>
 *
 * <p>FINISHED, CANCELED and FAILED are globally terminal and trigger cleanup. Immutable and thread-safe.
 */
public enum JobStatus {
    CREATED, RUNNING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED, RESTARTING, SUSPENDED;

    private static final Map<JobStatus, Set<JobStatus>> LEGAL = new EnumMap<>(JobStatus.class);

    static {
        LEGAL.put(CREATED, EnumSet.of(RUNNING, FAILING, CANCELLING, SUSPENDED));
        LEGAL.put(RUNNING, EnumSet.of(FINISHED, FAILING, RESTARTING, CANCELLING, SUSPENDED));
        LEGAL.put(FAILING, EnumSet.of(FAILED, SUSPENDED));
        LEGAL.put(RESTARTING, EnumSet.of(CREATED, CANCELLING, FAILING, SUSPENDED));
        LEGAL.put(CANCELLING, EnumSet.of(CANCELED, SUSPENDED));
        LEGAL.put(FAILED, EnumSet.noneOf(JobStatus.class));
        LEGAL.put(CANCELED, EnumSet.noneOf(JobStatus.class));
        LEGAL.put(FINISHED, EnumSet.noneOf(JobStatus.class));
        LEGAL.put(SUSPENDED, EnumSet.noneOf(JobStatus.class));
    }

    /** Whether no JobManager will ever move the job out of this status. */
    public boolean isGloballyTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }

    /** Whether this JobManager will not move the job out of this status (SUSPENDED included). */
    public boolean isTerminal() {
        return isGloballyTerminal() || this == SUSPENDED;
    }

    /** The statuses this one may move to. */
    public Set<JobStatus> successors() {
        return Collections.unmodifiableSet(LEGAL.get(this));
    }

    public boolean canMoveTo(JobStatus next) {
        return LEGAL.get(this).contains(next);
    }

    /**
     * Checks a transition.
     *
     * @param jobId named in the error
     * @throws IllegalStateException if the table does not allow {@code this → next}
     */
    public JobStatus checkTransition(JobStatus next, Object jobId) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("Illegal job status transition " + this + " -> " + next + " for job " + jobId);
        }
        return next;
    }
}
