package io.weft.config;

import java.time.Duration;

/** Options of the RPC control plane between Weft processes: frame size, handshake and reconnection. */
public final class RpcOptions {
    public static final ConfigOption<MemorySize> FRAME_SIZE = ConfigOptions.memoryOption("rpc.framesize",
            MemorySize.parse("10mb"),
            "Largest RPC message a process sends or accepts; a peer sending a larger one is disconnected.");

    public static final ConfigOption<Duration> HANDSHAKE_TIMEOUT = ConfigOptions.durationOption(
            "rpc.handshake.timeout", Duration.ofSeconds(10),
            "Longest time a new RPC connection may take to connect and prove the cluster secret.");

    public static final ConfigOption<Duration> RECONNECT_INITIAL_BACKOFF = ConfigOptions.durationOption(
            "rpc.reconnect.initial-backoff", Duration.ofMillis(100),
            "Pause before the first attempt to re-establish a lost RPC connection; it doubles after each failure.");

    public static final ConfigOption<Duration> RECONNECT_MAX_BACKOFF = ConfigOptions.durationOption(
            "rpc.reconnect.max-backoff", Duration.ofSeconds(10),
            "The longest pause between attempts to re-establish a lost RPC connection.");

    public static final ConfigOption<Duration> ASK_TIMEOUT = ConfigOptions.durationOption(
            "rpc.ask-timeout", Duration.ofSeconds(30),
            "How long a JobManager or TaskManager waits for the answer to a request (deploying the first task of a"
                    + " job on a TaskManager includes fetching the job's jar).");

    private RpcOptions() {
    }
}
