package io.weft.config;

import java.time.Duration;

/**
 * Options of a cluster whose JobManager and TaskManagers are separate processes: where the JobManager's RPC
 * endpoint is, how TaskManagers advertise themselves, heartbeats, the blob store and the cluster secret. Key names
 * follow Flink's where the concept matches.
 */
public final class ClusterOptions {
    public static final ConfigOption<String> JOB_MANAGER_RPC_ADDRESS = ConfigOptions.stringOption(
            "jobmanager.rpc.address", "localhost",
            "Host TaskManagers connect to for the JobManager's RPC endpoint.");

    public static final ConfigOption<Integer> JOB_MANAGER_RPC_PORT = ConfigOptions.portOption(
            "jobmanager.rpc.port", 6123, "Port of the JobManager's RPC endpoint (0: any free port).");

    public static final ConfigOption<String> JOB_MANAGER_BIND_HOST = ConfigOptions.stringOption(
            "jobmanager.bind-host", "127.0.0.1",
            "Address the JobManager's RPC server listens on; set 0.0.0.0 for TaskManagers on other hosts.");

    public static final ConfigOption<String> TASK_MANAGER_HOST = ConfigOptions.stringOption(
            "taskmanager.host", "127.0.0.1",
            "Host name or address a TaskManager advertises to the JobManager and to other TaskManagers.");

    public static final ConfigOption<String> TASK_MANAGER_BIND_HOST = ConfigOptions.stringOption(
            "taskmanager.bind-host", "127.0.0.1",
            "Address a TaskManager's RPC server listens on; set 0.0.0.0 for a cluster on several hosts.");

    public static final ConfigOption<String> TASK_MANAGER_RESOURCE_ID = ConfigOptions.stringOption(
            "taskmanager.resource-id", "", "Identity of the TaskManager (32 hex digits) in the JobManager's books;"
                    + " the YARN ApplicationMaster sets it for each container. Empty: a random one.");

    public static final ConfigOption<Integer> TASK_MANAGER_RPC_PORT = ConfigOptions.portOption(
            "taskmanager.rpc.port", 0, "Port of a TaskManager's RPC server (0: any free port).");

    public static final ConfigOption<Duration> TASK_MANAGER_REGISTRATION_TIMEOUT = ConfigOptions.durationOption(
            "taskmanager.registration.timeout", Duration.ofMinutes(5),
            "A TaskManager that cannot register with a JobManager for this long exits (exit code 70).");

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOptions.durationOption(
            "heartbeat.interval", Duration.ofSeconds(1),
            "How often TaskManagers and the JobManager exchange heartbeats.");

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT = ConfigOptions.durationOption(
            "heartbeat.timeout", Duration.ofSeconds(6),
            "A peer whose heartbeats stopped for this long is lost: its tasks fail and the job restarts. A closed"
                    + " connection is noticed at once.");

    public static final ConfigOption<String> BLOB_STORAGE_DIRECTORY = ConfigOptions.stringOption(
            "blob.storage.directory", "",
            "Where the JobManager keeps job jars and TaskManagers cache them; empty: a new directory under"
                    + " java.io.tmpdir, deleted at exit.");

    public static final ConfigOption<String> CLUSTER_SECRET_FILE = ConfigOptions.stringOption(
            "security.cluster-secret.file", "",
            "Owner-only file holding the cluster secret that internal connections prove. The JobManager writes it"
                    + " when it does not exist; TaskManagers read it. The environment variable WEFT_CLUSTER_SECRET"
                    + " wins over it.");

    private ClusterOptions() {
    }
}
