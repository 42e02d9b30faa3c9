package io.weft.client.yarn;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.MemoryOptions;
import io.weft.config.MemorySize;
import io.weft.config.TaskManagerOptions;
import io.weft.config.YarnOptions;
import org.apache.hadoop.yarn.api.records.Resource;
import org.junit.jupiter.api.Test;

class ClusterPreflightTest {
    private static final Resource MAXIMUM = Resource.newInstance(8192, 4);

    @Test
    void whenDefaultsFit_thenAccepted() {
        assertThatCode(() -> ClusterPreflight.checkResources(new Configuration(), MAXIMUM, true))
                .doesNotThrowAnyException();
    }

    @Test
    void whenTaskManagerIsLargerThanTheLargestContainer_thenOneLineNamesKeySizesAndYarnSetting() {
        Configuration config = new Configuration().set(MemoryOptions.TASK_MANAGER_PROCESS_SIZE,
                MemorySize.parse("20g"));

        assertThatThrownBy(() -> ClusterPreflight.checkResources(config, MAXIMUM, true))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("taskmanager.memory.process.size is 20480 MB, more than the 8192 MB of the cluster's"
                        + " largest container (yarn.scheduler.maximum-allocation-mb): lower"
                        + " taskmanager.memory.process.size or raise yarn.scheduler.maximum-allocation-mb");
    }

    @Test
    void whenApplicationMasterIsTooLarge_thenItsKeyIsNamed() {
        Configuration config = new Configuration().set(MemoryOptions.JOB_MANAGER_PROCESS_SIZE,
                MemorySize.parse("9g"));

        assertThatThrownBy(() -> ClusterPreflight.checkResources(config, MAXIMUM, false))
                .hasMessageStartingWith("jobmanager.memory.process.size is 9216 MB");
    }

    @Test
    void whenApplicationMasterWantsMoreCoresThanAContainerHas_thenRefused() {
        Configuration config = new Configuration().set(YarnOptions.APPMASTER_VCORES, 8);

        assertThatThrownBy(() -> ClusterPreflight.checkResources(config, MAXIMUM, true))
                .hasMessageContaining("yarn.appmaster.vcores is 8")
                .hasMessageContaining("yarn.scheduler.maximum-allocation-vcores");
    }

    @Test
    void whenTaskManagersWantMoreCoresThanAContainerHas_thenSlotsOrVcoresAreNamed() {
        Configuration slots = new Configuration().set(TaskManagerOptions.NUM_TASK_SLOTS, 6);
        Configuration vcores = new Configuration().set(TaskManagerOptions.NUM_TASK_SLOTS, 6)
                .set(YarnOptions.CONTAINER_VCORES, 2);

        assertThatThrownBy(() -> ClusterPreflight.checkResources(slots, MAXIMUM, true))
                .hasMessageContaining("needs 6 virtual cores").hasMessageContaining("yarn.containers.vcores");
        assertThatCode(() -> ClusterPreflight.checkResources(vcores, MAXIMUM, true)).doesNotThrowAnyException();
    }
}
