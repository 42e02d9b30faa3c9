package io.weft.runtime.deployment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobID;
import io.weft.api.RuntimeExecutionMode;
import io.weft.config.Configuration;
import io.weft.graph.JobGraph;
import io.weft.runtime.AllocationID;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.JobVertexID;
import io.weft.runtime.messages.ProgramDescriptor;
import io.weft.runtime.messages.SubmitTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDeploymentMessagesTest {
    @Test
    void aDeploymentNamingAVertexTheProgramDoesNotDefineIsRefusedWithAHint() {
        JobGraph empty = new JobGraph(JobID.generate(), "empty", List.of(), RuntimeExecutionMode.STREAMING,
                new Configuration());
        SubmitTask message = new SubmitTask(JobID.generate().toString(), new ProgramDescriptor("k", "Main",
                List.of(), Map.of()), new JobVertexID().toString(), 0, 0, new ExecutionAttemptID().toString(),
                new AllocationID().toString(), List.of(), List.of());
        assertThatThrownBy(() -> TaskDeploymentMessages.fromMessage(message, empty, getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defines no vertex")
                .hasMessageContaining("differently from run to run");
    }

    @Test
    void aJobWithoutAProgramCannotBeSentToAnotherProcess() {
        TaskDeploymentDescriptor tdd = new TaskDeploymentDescriptor(JobID.generate(), null, 0, 0,
                new ExecutionAttemptID(), new AllocationID(), List.of(), List.of(), RuntimeExecutionMode.STREAMING,
                new Configuration(), getClass().getClassLoader(), null);
        assertThatThrownBy(() -> TaskDeploymentMessages.toMessage(tdd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weft run -t remote");
    }
}
