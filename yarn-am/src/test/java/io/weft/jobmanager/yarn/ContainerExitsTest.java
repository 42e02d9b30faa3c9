package io.weft.jobmanager.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerState;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.junit.jupiter.api.Test;

class ContainerExitsTest {
    private static final ContainerId CONTAINER = ContainerId.newContainerId(
            ApplicationAttemptId.newInstance(ApplicationId.newInstance(1, 1), 1), 2);

    @Test
    void whenATaskManagerContainerExited52_thenTheSentenceSaysItRanOutOfHeapAndWhatToRaise() {
        ContainerStatus status = ContainerStatus.newInstance(CONTAINER, ContainerState.COMPLETE,
                "Exception from container-launch. Exit code: 52", 52);
        assertThat(ContainerExits.describe("TaskManager container", status, "node-1:8041"))
                .isEqualTo("TaskManager container " + CONTAINER + " on node-1:8041 ran out of heap memory (exit code"
                        + " 52): raise taskmanager.memory.process.size: Exception from container-launch. Exit code: 52");
    }
}
