package io.weft.runtime;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one execution attempt of a subtask, with the checked table of legal transitions.
 *
 * <pre>
 *   CREATED ─▶ SCHEDULED ─▶ DEPLOYING ─▶ INITIALIZING ─▶ RUNNING ─▶ FINISHED
 *      │           │            │              │             │
 *      │           │            └──────────────┴─────────────┴──▶ CANCELING ─▶ CANCELED
 *      │           └──▶ CANCELED                                        (any non-terminal) ─▶ FAILED
 *      └──▶ CANCELED
 * </pre>
 *
 * <p>FINISHED, CANCELED and FAILED are terminal; a restart creates a new attempt rather than moving an old one.
 */
public enum ExecutionState {
    CREATED, SCHEDULED, DEPLOYING, INITIALIZING, RUNNING, FINISHED, CANCELING, CANCELED, FAILED;

    private static final Map<ExecutionState, Set<ExecutionState>> LEGAL = new EnumMap<>(ExecutionState.class);

    static {
        LEGAL.put(CREATED, EnumSet.of(SCHEDULED, CANCELED, FAILED));
        LEGAL.put(SCHEDULED, EnumSet.of(DEPLOYING, CANCELED, FAILED));
        LEGAL.put(DEPLOYING, EnumSet.of(INITIALIZING, CANCELING, FAILED));
        LEGAL.put(INITIALIZING, EnumSet.of(RUNNING, CANCELING, FAILED));
        LEGAL.put(RUNNING, EnumSet.of(FINISHED, CANCELING, FAILED));
        LEGAL.put(CANCELING, EnumSet.of(CANCELED, FAILED));
        LEGAL.put(FINISHED, EnumSet.noneOf(ExecutionState.class));
        LEGAL.put(CANCELED, EnumSet.noneOf(ExecutionState.class));
        LEGAL.put(FAILED, EnumSet.noneOf(ExecutionState.class));
    }

    public boolean isTerminal() {
        return this == FINISHED || this == CANCELED || this == FAILED;
    }

    public Set<ExecutionState> successors() {
        return Collections.unmodifiableSet(LEGAL.get(this));
    }

    public boolean canMoveTo(ExecutionState next) {
        return LEGAL.get(this).contains(next);
    }

    /**
     * Checks a transition.
     *
     * @param attempt named in the error
     * @throws IllegalStateException if the table does not allow {@code this → next}
     */
    public ExecutionState checkTransition(ExecutionState next, Object attempt) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("Illegal execution state transition " + this + " -> " + next
                    + " for attempt " + attempt);
        }
        return next;
    }
}
