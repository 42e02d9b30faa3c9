package io.weft.api;

import static io.weft.api.JobStatus.CANCELED;
import static io.weft.api.JobStatus.CANCELLING;
import static io.weft.api.JobStatus.CREATED;
import static io.weft.api.JobStatus.FAILED;
import static io.weft.api.JobStatus.FAILING;
import static io.weft.api.JobStatus.FINISHED;
import static io.weft.api.JobStatus.RESTARTING;
import static io.weft.api.JobStatus.RUNNING;
import static io.weft.api.JobStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobStatusTest {
    /**
     * The documented table, written out independently of the implementation: the javadoc diagram (and the seed
     * documents' paths) plus failing or cancelling a job that is CREATED or RESTARTING, and SUSPENDED from any
     * status that is not terminal.
     */
    private static final Map<JobStatus, Set<JobStatus>> DOCUMENTED = new EnumMap<>(JobStatus.class);

    static {
        DOCUMENTED.put(CREATED, EnumSet.of(RUNNING, FAILING, CANCELLING, SUSPENDED));
        DOCUMENTED.put(RUNNING, EnumSet.of(FINISHED, FAILING, RESTARTING, CANCELLING, SUSPENDED));
        DOCUMENTED.put(FAILING, EnumSet.of(FAILED, SUSPENDED));
        DOCUMENTED.put(RESTARTING, EnumSet.of(CREATED, FAILING, CANCELLING, SUSPENDED));
        DOCUMENTED.put(CANCELLING, EnumSet.of(CANCELED, SUSPENDED));
        DOCUMENTED.put(FAILED, EnumSet.noneOf(JobStatus.class));
        DOCUMENTED.put(CANCELED, EnumSet.noneOf(JobStatus.class));
        DOCUMENTED.put(FINISHED, EnumSet.noneOf(JobStatus.class));
        DOCUMENTED.put(SUSPENDED, EnumSet.noneOf(JobStatus.class));
    }

    @Test
    void documentedTableCoversEveryStatus() {
        assertThat(DOCUMENTED.keySet()).containsExactlyInAnyOrder(JobStatus.values());
    }

    @Test
    void canMoveToEqualsMembershipInTheDocumentedSuccessorsForEveryPair() {
        for (JobStatus from : JobStatus.values()) {
            for (JobStatus to : JobStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(DOCUMENTED.get(from).contains(to));
            }
        }
    }

    @Test
    void successorsAreExactlyTheDocumentedOnes() {
        for (JobStatus s : JobStatus.values()) {
            assertThat(s.successors()).as("successors of %s", s).isEqualTo(DOCUMENTED.get(s));
        }
    }

    @Test
    void successorsCannotBeModified() {
        assertThatThrownBy(() -> RUNNING.successors().add(CREATED)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(RUNNING.canMoveTo(CREATED)).isFalse();
    }

    @Test
    void everyLegalTransitionIsAcceptedAndReturnsTheNewStatus() {
        for (JobStatus from : JobStatus.values()) {
            for (JobStatus to : DOCUMENTED.get(from)) {
                assertThat(from.checkTransition(to, "job-1")).isSameAs(to);
            }
        }
    }

    @Test
    void everyIllegalTransitionThrowsNamingBothStatusesAndTheJob() {
        int illegal = 0;
        for (JobStatus from : JobStatus.values()) {
            for (JobStatus to : JobStatus.values()) {
                if (DOCUMENTED.get(from).contains(to)) {
                    continue;
                }
                illegal++;
                JobID id = new JobID(0xabcL, 0x123L);
                assertThatThrownBy(() -> from.checkTransition(to, id))
                        .as("%s -> %s", from, to)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(from.name())
                        .hasMessageContaining(to.name())
                        .hasMessageContaining(id.toString());
            }
        }
        assertThat(illegal).isEqualTo(81 - 17);
    }

    @Test
    void selfTransitionsAreIllegal() {
        for (JobStatus s : JobStatus.values()) {
            assertThat(s.canMoveTo(s)).as("%s -> itself", s).isFalse();
        }
    }

    @Test
    void terminalStatusesHaveNoSuccessors() {
        for (JobStatus s : JobStatus.values()) {
            if (s.isTerminal()) {
                assertThat(s.successors()).as("successors of terminal %s", s).isEmpty();
            } else {
                assertThat(s.successors()).as("successors of %s", s).isNotEmpty();
            }
        }
    }

    @Test
    void finishedCanceledAndFailedAreGloballyTerminal() {
        assertThat(EnumSet.allOf(JobStatus.class).stream().filter(JobStatus::isGloballyTerminal))
                .containsExactlyInAnyOrder(FINISHED, CANCELED, FAILED);
        assertThat(EnumSet.allOf(JobStatus.class).stream().filter(JobStatus::isTerminal))
                .containsExactlyInAnyOrder(FINISHED, CANCELED, FAILED, SUSPENDED);
    }

    @Test
    void suspendedIsTerminalOnlyLocally() {
        assertThat(SUSPENDED.isTerminal()).isTrue();
        assertThat(SUSPENDED.isGloballyTerminal()).isFalse();
        assertThat(SUSPENDED.successors()).isEmpty();
    }

    @Test
    void suspendedIsReachableFromEveryNonTerminalStatus() {
        for (JobStatus s : JobStatus.values()) {
            assertThat(s.canMoveTo(SUSPENDED)).as("%s -> SUSPENDED", s).isEqualTo(!s.isTerminal());
        }
    }

    @Test
    void seedPathCreatedRunningFinished() {
        assertThat(walk(CREATED, RUNNING, FINISHED)).isEqualTo(FINISHED);
        assertThat(FINISHED.isGloballyTerminal()).isTrue();
    }

    @Test
    void seedPathRunningFailingFailed() {
        assertThat(walk(CREATED, RUNNING, FAILING, FAILED)).isEqualTo(FAILED);
    }

    @Test
    void seedPathRestartGoesThroughCreatedBackToRunning() {
        assertThat(walk(CREATED, RUNNING, RESTARTING, CREATED, RUNNING, FINISHED)).isEqualTo(FINISHED);
    }

    @Test
    void seedPathRunningCancellingCanceled() {
        assertThat(walk(CREATED, RUNNING, CANCELLING, CANCELED)).isEqualTo(CANCELED);
    }

    @Test
    void runningJobCanBeSuspended() {
        assertThat(walk(CREATED, RUNNING, SUSPENDED)).isEqualTo(SUSPENDED);
    }

    @Test
    void runningCannotSkipFailingOrCancelling() {
        assertThatThrownBy(() -> RUNNING.checkTransition(FAILED, "j")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RUNNING.checkTransition(CANCELED, "j")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CREATED.checkTransition(FINISHED, "j")).isInstanceOf(IllegalStateException.class);
    }

    private static JobStatus walk(JobStatus first, JobStatus... rest) {
        JobStatus s = first;
        for (JobStatus next : rest) {
            s = s.checkTransition(next, "job-under-test");
        }
        return s;
    }
}
