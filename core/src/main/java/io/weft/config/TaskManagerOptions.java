package io.weft.config;

/** Options of TaskManagers: slots and the network buffer pool. */
public final class TaskManagerOptions {
    public static final ConfigOption<Integer> NUM_TASK_SLOTS = ConfigOptions.intOption("taskmanager.numberOfTaskSlots",
            1, "Slots per TaskManager. In the embedded cluster the default is as many slots as the job needs.", 1,
            Integer.MAX_VALUE);

    public static final ConfigOption<MemorySize> SEGMENT_SIZE = ConfigOptions.memoryOption(
            "taskmanager.memory.segment-size", MemorySize.parse("32kb"),
            "Size of one network buffer: the unit records are serialized into and exchanged in.");

    public static final ConfigOption<MemorySize> NETWORK_MEMORY = ConfigOptions.memoryOption(
            "taskmanager.memory.network.max", MemorySize.parse("64mb"),
            "Memory for network buffers per TaskManager (the pool all data exchange draws from).");

    public static final ConfigOption<Integer> BUFFERS_PER_CHANNEL = ConfigOptions.intOption(
            "taskmanager.network.memory.buffers-per-channel", 2,
            "Buffers each outgoing channel may hold before the producer waits (backpressure).", 1,
            Integer.MAX_VALUE);

    public static final ConfigOption<Integer> FLOATING_BUFFERS = ConfigOptions.intOption(
            "taskmanager.network.memory.floating-buffers-per-gate", 8,
            "Extra buffers a result partition may use on top of the per-channel ones.", 0, Integer.MAX_VALUE);

    private TaskManagerOptions() {
    }
}
