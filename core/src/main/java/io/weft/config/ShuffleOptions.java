package io.weft.config;

import java.time.Duration;

/**
 * Options of the TaskManager data plane: the Netty server through which other TaskManagers read this one's result
 * partitions, its client connections, and how a consumer waits for a partition its producer has not registered yet.
 * Network memory and credits are sized by {@link TaskManagerOptions}.
 */
public final class ShuffleOptions {
    public static final ConfigOption<Integer> DATA_PORT = ConfigOptions.portOption("taskmanager.data.port", 0,
            "Port of the TaskManager's data server, through which other TaskManagers read its result partitions;"
                    + " 0 picks a free port.");

    public static final ConfigOption<String> DATA_BIND_HOST = ConfigOptions.stringOption("taskmanager.data.bind-host",
            "127.0.0.1", "Address the data server listens on. The default accepts local connections only; clusters"
                    + " spanning hosts set 0.0.0.0 (or the host's address) so other TaskManagers can connect.");

    public static final ConfigOption<Integer> SERVER_THREADS = ConfigOptions.intOption(
            "taskmanager.network.netty.server.numThreads", -1,
            "Event loop threads of the data server; -1: as many as taskmanager.numberOfTaskSlots.");

    public static final ConfigOption<Integer> CLIENT_THREADS = ConfigOptions.intOption(
            "taskmanager.network.netty.client.numThreads", -1,
            "Event loop threads of the data client connections; -1: as many as taskmanager.numberOfTaskSlots.");

    public static final ConfigOption<Duration> PARTITION_REQUEST_TIMEOUT = ConfigOptions.durationOption(
            "taskmanager.network.partition-request-timeout", Duration.ofSeconds(2),
            "How long a TaskManager holds a request for a partition its producer has not registered yet before"
                    + " answering 'not found' (the consumer then asks again after a pause).");

    public static final ConfigOption<Duration> REQUEST_BACKOFF_INITIAL = ConfigOptions.durationOption(
            "taskmanager.network.request-backoff.initial", Duration.ofMillis(100),
            "Pause before a consumer asks again for a remote partition that was not found; it doubles after each"
                    + " attempt.");

    public static final ConfigOption<Duration> REQUEST_BACKOFF_MAX = ConfigOptions.durationOption(
            "taskmanager.network.request-backoff.max", Duration.ofSeconds(10),
            "Longest pause between requests for a remote partition that was not found: when the next pause would"
                    + " be longer, the consuming task fails.");

    private ShuffleOptions() {
    }
}
