package io.weft.config;

/**
 * Options of the memory of JobManager and TaskManager processes: the total size of each process (what a YARN
 * container is sized to) and the parts carved out of it before the heap. Key names follow Flink's.
 */
public final class MemoryOptions {
    public static final ConfigOption<MemorySize> JOB_MANAGER_PROCESS_SIZE = ConfigOptions.memoryOption(
            "jobmanager.memory.process.size", MemorySize.parse("1600mb"),
            "Total memory of a JobManager process: heap, metaspace, off-heap and JVM overhead.");

    public static final ConfigOption<MemorySize> JOB_MANAGER_METASPACE = ConfigOptions.memoryOption(
            "jobmanager.memory.jvm-metaspace.size", MemorySize.parse("256mb"),
            "Metaspace of a JobManager process (classes of the jobs it runs included).");

    public static final ConfigOption<MemorySize> JOB_MANAGER_OFF_HEAP = ConfigOptions.memoryOption(
            "jobmanager.memory.off-heap.size", MemorySize.parse("128mb"),
            "Direct memory of a JobManager process (RPC and REST buffers).");

    public static final ConfigOption<MemorySize> TASK_MANAGER_PROCESS_SIZE = ConfigOptions.memoryOption(
            "taskmanager.memory.process.size", MemorySize.parse("1728mb"),
            "Total memory of a TaskManager process: heap, network buffers, metaspace, framework off-heap and JVM"
                    + " overhead.");

    public static final ConfigOption<MemorySize> TASK_MANAGER_METASPACE = ConfigOptions.memoryOption(
            "taskmanager.memory.jvm-metaspace.size", MemorySize.parse("256mb"),
            "Metaspace of a TaskManager process (classes of the jobs it runs included).");

    public static final ConfigOption<MemorySize> TASK_MANAGER_FRAMEWORK_OFF_HEAP = ConfigOptions.memoryOption(
            "taskmanager.memory.framework.off-heap.size", MemorySize.parse("128mb"),
            "Direct memory of a TaskManager besides its network buffers (Netty's own buffers, RPC).");

    public static final ConfigOption<Double> JVM_OVERHEAD_FRACTION = ConfigOptions.doubleOption(
            "process.memory.jvm-overhead.fraction", 0.1,
            "Share of a process's memory kept for the JVM itself (thread stacks, code cache, GC structures),"
                    + " between process.memory.jvm-overhead.min and .max.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MIN = ConfigOptions.memoryOption(
            "process.memory.jvm-overhead.min", MemorySize.parse("192mb"),
            "Least memory kept for the JVM itself in a process.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MAX = ConfigOptions.memoryOption(
            "process.memory.jvm-overhead.max", MemorySize.parse("1gb"),
            "Most memory kept for the JVM itself in a process.");

    private MemoryOptions() {
    }
}
