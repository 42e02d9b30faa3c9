package io.weft.config;

import java.util.List;

/**
 * How a JobManager or TaskManager process's memory ({@code *.memory.process.size}) divides into JVM overhead,
 * metaspace, direct memory (network buffers and other off-heap use) and the heap that remains, and the JVM options
 * that enforce it. The scripts start processes with {@link #jvmOptions()}, and a YARN container is sized to
 * {@link #process()}. Immutable.
 *
 * @param direct the most direct memory the process may use (-XX:MaxDirectMemorySize)
 */
public record ProcessMemory(MemorySize process, MemorySize heap, MemorySize direct, MemorySize metaspace,
        MemorySize overhead) {

    /** The least heap a process may be left with. */
    static final MemorySize MIN_HEAP = MemorySize.parse("64mb");

    /**
     * The memory of a TaskManager: direct memory is its network buffers plus framework off-heap.
     *
     * @throws IllegalConfigurationException naming the keys when the parts leave less than 64 MB of heap
     */
    public static ProcessMemory forTaskManager(Configuration config) {
        long direct = config.get(TaskManagerOptions.NETWORK_MEMORY).bytes()
                + config.get(MemoryOptions.TASK_MANAGER_FRAMEWORK_OFF_HEAP).bytes();
        return divide("TaskManager", MemoryOptions.TASK_MANAGER_PROCESS_SIZE, config, direct,
                config.get(MemoryOptions.TASK_MANAGER_METASPACE),
                "taskmanager.memory.network.max, taskmanager.memory.framework.off-heap.size, "
                        + "taskmanager.memory.jvm-metaspace.size");
    }

    /**
     * The memory of a JobManager.
     *
     * @throws IllegalConfigurationException naming the keys when the parts leave less than 64 MB of heap
     */
    public static ProcessMemory forJobManager(Configuration config) {
        return divide("JobManager", MemoryOptions.JOB_MANAGER_PROCESS_SIZE, config,
                config.get(MemoryOptions.JOB_MANAGER_OFF_HEAP).bytes(), config.get(MemoryOptions.JOB_MANAGER_METASPACE),
                "jobmanager.memory.off-heap.size, jobmanager.memory.jvm-metaspace.size");
    }

    private static ProcessMemory divide(String process, ConfigOption<MemorySize> sizeOption, Configuration config,
            long direct, MemorySize metaspace, String parts) {
        long total = config.get(sizeOption).bytes();
        double fraction = config.get(MemoryOptions.JVM_OVERHEAD_FRACTION);
        long min = config.get(MemoryOptions.JVM_OVERHEAD_MIN).bytes();
        long max = config.get(MemoryOptions.JVM_OVERHEAD_MAX).bytes();
        if (!(fraction >= 0 && fraction < 1) || min > max) {
            throw new IllegalConfigurationException("process.memory.jvm-overhead.fraction must be in [0, 1) and"
                    + " process.memory.jvm-overhead.min at most .max (now " + fraction + ", " + min + " bytes, "
                    + max + " bytes)");
        }
        long overhead = Math.max(min, Math.min(max, (long) (total * fraction)));
        long heap = total - overhead - metaspace.bytes() - direct;
        if (heap < MIN_HEAP.bytes()) {
            throw new IllegalConfigurationException(sizeOption.key() + " is " + new MemorySize(total) + ": after "
                    + new MemorySize(overhead) + " of JVM overhead, " + metaspace + " of metaspace and "
                    + new MemorySize(direct) + " of direct memory, the " + process + " would have "
                    + (heap < 0 ? "no" : new MemorySize(heap).toString()) + " heap (at least " + MIN_HEAP
                    + "): raise " + sizeOption.key() + " or lower " + parts);
        }
        return new ProcessMemory(new MemorySize(total), new MemorySize(heap), new MemorySize(direct), metaspace,
                new MemorySize(overhead));
    }

    /** The JVM options that hold the process to these sizes. */
    public List<String> jvmOptions() {
        return List.of("-Xmx" + heap.bytes(), "-Xms" + heap.bytes(), "-XX:MaxDirectMemorySize=" + direct.bytes(),
                "-XX:MaxMetaspaceSize=" + metaspace.bytes());
    }
}
