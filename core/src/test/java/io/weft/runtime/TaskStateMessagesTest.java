package io.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobID;
import io.weft.runtime.messages.TaskStateUpdate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskStateMessagesTest {
    @Test
    void aFailureWithItsCountersSurvivesTheWireForm() {
        ExecutionAttemptID attempt = new ExecutionAttemptID();
        ErrorInfo error = ErrorInfo.of(new IllegalStateException("boom"));
        TaskExecutionState state = new TaskExecutionState(attempt, ExecutionState.FAILED, error,
                Map.of("Map.numRecordsIn", 7L));
        TaskStateUpdate message = TaskStateMessages.toMessage(JobID.generate(), state);
        assertThat(TaskStateMessages.fromMessage(message)).isEqualTo(state);
    }

    @Test
    void aStateWithoutFailureKeepsNoFailure() {
        TaskExecutionState state = new TaskExecutionState(new ExecutionAttemptID(), ExecutionState.RUNNING);
        TaskExecutionState back = TaskStateMessages.fromMessage(TaskStateMessages.toMessage(JobID.generate(),
                state));
        assertThat(back.error()).isNull();
        assertThat(back.state()).isEqualTo(ExecutionState.RUNNING);
    }

    @Test
    void anUnknownStateNameIsRefused() {
        TaskStateUpdate message = TaskStateMessages.toMessage(JobID.generate(),
                new TaskExecutionState(new ExecutionAttemptID(), ExecutionState.RUNNING));
        message.setState("EXPLODED");
        assertThatThrownBy(() -> TaskStateMessages.fromMessage(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown task state 'EXPLODED'");
    }
}
