package io.weft.runtime;

import static io.weft.runtime.ExecutionState.CANCELED;
import static io.weft.runtime.ExecutionState.CANCELING;
import static io.weft.runtime.ExecutionState.CREATED;
import static io.weft.runtime.ExecutionState.DEPLOYING;
import static io.weft.runtime.ExecutionState.FAILED;
import static io.weft.runtime.ExecutionState.FINISHED;
import static io.weft.runtime.ExecutionState.INITIALIZING;
import static io.weft.runtime.ExecutionState.RUNNING;
import static io.weft.runtime.ExecutionState.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionStateTest {
    /** The javadoc diagram written out independently of the implementation. */
    private static final Map<ExecutionState, Set<ExecutionState>> DOCUMENTED = new EnumMap<>(ExecutionState.class);

    static {
        DOCUMENTED.put(CREATED, EnumSet.of(SCHEDULED, CANCELED, FAILED));
        DOCUMENTED.put(SCHEDULED, EnumSet.of(DEPLOYING, CANCELED, FAILED));
        DOCUMENTED.put(DEPLOYING, EnumSet.of(INITIALIZING, CANCELING, FAILED));
        DOCUMENTED.put(INITIALIZING, EnumSet.of(RUNNING, CANCELING, FAILED));
        DOCUMENTED.put(RUNNING, EnumSet.of(FINISHED, CANCELING, FAILED));
        DOCUMENTED.put(CANCELING, EnumSet.of(CANCELED, FAILED));
        DOCUMENTED.put(FINISHED, EnumSet.noneOf(ExecutionState.class));
        DOCUMENTED.put(CANCELED, EnumSet.noneOf(ExecutionState.class));
        DOCUMENTED.put(FAILED, EnumSet.noneOf(ExecutionState.class));
    }

    @Test
    void documentedTableCoversEveryState() {
        assertThat(DOCUMENTED.keySet()).containsExactlyInAnyOrder(ExecutionState.values());
    }

    @Test
    void canMoveToEqualsMembershipInTheDocumentedSuccessorsForEveryPair() {
        for (ExecutionState from : ExecutionState.values()) {
            for (ExecutionState to : ExecutionState.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(DOCUMENTED.get(from).contains(to));
            }
        }
    }

    @Test
    void successorsAreExactlyTheDocumentedOnesAndCannotBeModified() {
        for (ExecutionState s : ExecutionState.values()) {
            assertThat(s.successors()).as("successors of %s", s).isEqualTo(DOCUMENTED.get(s));
        }
        assertThatThrownBy(() -> CREATED.successors().add(RUNNING)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(CREATED.canMoveTo(RUNNING)).isFalse();
    }

    @Test
    void everyLegalTransitionIsAcceptedAndReturnsTheNewState() {
        for (ExecutionState from : ExecutionState.values()) {
            for (ExecutionState to : DOCUMENTED.get(from)) {
                assertThat(from.checkTransition(to, "attempt-1")).isSameAs(to);
            }
        }
    }

    @Test
    void everyIllegalTransitionThrowsNamingBothStatesAndTheAttempt() {
        ExecutionAttemptID attempt = new ExecutionAttemptID(0x1234L, 0x5678L);
        int illegal = 0;
        for (ExecutionState from : ExecutionState.values()) {
            for (ExecutionState to : ExecutionState.values()) {
                if (DOCUMENTED.get(from).contains(to)) {
                    continue;
                }
                illegal++;
                assertThatThrownBy(() -> from.checkTransition(to, attempt))
                        .as("%s -> %s", from, to)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(from.name())
                        .hasMessageContaining(to.name())
                        .hasMessageContaining(attempt.toString());
            }
        }
        assertThat(illegal).isEqualTo(81 - 17);
    }

    @Test
    void exactlyFinishedCanceledAndFailedAreTerminal() {
        assertThat(EnumSet.allOf(ExecutionState.class).stream().filter(ExecutionState::isTerminal))
                .containsExactlyInAnyOrder(FINISHED, CANCELED, FAILED);
    }

    @Test
    void terminalStatesHaveNoSuccessorsAndOthersHaveSome() {
        for (ExecutionState s : ExecutionState.values()) {
            if (s.isTerminal()) {
                assertThat(s.successors()).as("successors of terminal %s", s).isEmpty();
            } else {
                assertThat(s.successors()).as("successors of %s", s).isNotEmpty();
            }
        }
    }

    @Test
    void everyNonTerminalStateMayFail() {
        for (ExecutionState s : ExecutionState.values()) {
            assertThat(s.canMoveTo(FAILED)).as("%s -> FAILED", s).isEqualTo(!s.isTerminal());
        }
    }

    @Test
    void seedPathCreatedThroughRunningToFinished() {
        assertThat(walk(CREATED, SCHEDULED, DEPLOYING, INITIALIZING, RUNNING, FINISHED)).isEqualTo(FINISHED);
    }

    @Test
    void seedPathRunningCancelingCanceled() {
        assertThat(walk(CREATED, SCHEDULED, DEPLOYING, INITIALIZING, RUNNING, CANCELING, CANCELED))
                .isEqualTo(CANCELED);
    }

    @Test
    void seedPathRunningFailed() {
        assertThat(walk(CREATED, SCHEDULED, DEPLOYING, INITIALIZING, RUNNING, FAILED)).isEqualTo(FAILED);
    }

    @Test
    void notYetDeployedAttemptsAreCanceledWithoutCanceling() {
        assertThat(CREATED.checkTransition(CANCELED, "a")).isEqualTo(CANCELED);
        assertThat(SCHEDULED.checkTransition(CANCELED, "a")).isEqualTo(CANCELED);
        assertThatThrownBy(() -> RUNNING.checkTransition(CANCELED, "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stepsCannotBeSkipped() {
        assertThatThrownBy(() -> CREATED.checkTransition(RUNNING, "a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DEPLOYING.checkTransition(RUNNING, "a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> INITIALIZING.checkTransition(FINISHED, "a"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFinishedAttemptIsNeverRestartedInPlace() {
        for (ExecutionState s : ExecutionState.values()) {
            assertThat(FINISHED.canMoveTo(s) || FAILED.canMoveTo(s) || CANCELED.canMoveTo(s)).as("-> %s", s)
                    .isFalse();
        }
    }

    private static ExecutionState walk(ExecutionState first, ExecutionState... rest) {
        ExecutionState s = first;
        for (ExecutionState next : rest) {
            s = s.checkTransition(next, "attempt-under-test");
        }
        return s;
    }
}
