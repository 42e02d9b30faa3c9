package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    private static long mb(long n) {
        return n << 20;
    }

    @Test
    void theDefaultTaskManagerKeepsTheRestOfItsProcessSizeAsHeap() {
        ProcessMemory m = ProcessMemory.forTaskManager(new Configuration());
        // 1728 MB: 192 MB overhead (10 % = 172.8 MB, raised to the minimum), 256 MB metaspace,
        // 64 MB network + 128 MB framework off-heap
        assertThat(m.overhead().bytes()).isEqualTo(mb(192));
        assertThat(m.direct().bytes()).isEqualTo(mb(192));
        assertThat(m.heap().bytes()).isEqualTo(mb(1728 - 192 - 256 - 192));
        assertThat(m.heap().bytes() + m.direct().bytes() + m.metaspace().bytes() + m.overhead().bytes())
                .isEqualTo(m.process().bytes());
        assertThat(m.jvmOptions()).containsExactly("-Xmx" + mb(1088), "-Xms" + mb(1088),
                "-XX:MaxDirectMemorySize=" + mb(192), "-XX:MaxMetaspaceSize=" + mb(256));
    }

    @Test
    void theOverheadIsAFractionBetweenItsBounds() {
        Configuration big = new Configuration().set(MemoryOptions.JOB_MANAGER_PROCESS_SIZE, MemorySize.parse("20g"));
        assertThat(ProcessMemory.forJobManager(big).overhead().bytes()).isEqualTo(mb(1024));
        Configuration mid = new Configuration().set(MemoryOptions.JOB_MANAGER_PROCESS_SIZE, MemorySize.parse("4g"));
        assertThat(ProcessMemory.forJobManager(mid).overhead().bytes()).isEqualTo((long) (mb(4096) * 0.1));
    }

    @Test
    void aProcessTooSmallForItsPartsIsAnErrorNamingTheKeys() {
        Configuration tiny = new Configuration().set(MemoryOptions.TASK_MANAGER_PROCESS_SIZE,
                MemorySize.parse("512mb"));
        assertThatThrownBy(() -> ProcessMemory.forTaskManager(tiny))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageStartingWith("taskmanager.memory.process.size is 512")
                .hasMessageContaining("raise taskmanager.memory.process.size or lower taskmanager.memory.network.max");
        Configuration bad = new Configuration().set(MemoryOptions.JVM_OVERHEAD_FRACTION, 1.5);
        assertThatThrownBy(() -> ProcessMemory.forJobManager(bad)).isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("process.memory.jvm-overhead.fraction");
    }
}
