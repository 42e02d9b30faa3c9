package io.weft.config;

import java.time.Duration;

/**
 * Options of Weft on YARN: how the client submits the application (queue, name, tags, priority, attempts, what it
 * ships), how the ApplicationMaster asks for TaskManager containers, and how a session is found again. Names follow
 * Flink's where the concept is the same. Lists are separated by {@code ;}.
 */
public final class YarnOptions {
    public static final ConfigOption<String> APPLICATION_QUEUE = ConfigOptions.stringOption("yarn.application.queue",
            "default", "YARN queue the application is submitted to; it must exist (the client checks before"
                    + " uploading anything).");

    public static final ConfigOption<String> APPLICATION_NAME = ConfigOptions.stringOption("yarn.application.name",
            "", "Name of the YARN application. Empty: 'Weft per-job: <jar>', 'Weft application: <jar>' or"
                    + " 'Weft session'.");

    public static final ConfigOption<String> APPLICATION_TYPE = ConfigOptions.stringOption("yarn.application.type",
            "Weft", "Application type shown by 'yarn application -list'.");

    public static final ConfigOption<Integer> APPLICATION_ATTEMPTS = ConfigOptions.intOption(
            "yarn.application-attempts", 1, "How many times YARN starts the ApplicationMaster (the first start"
                    + " included) before the application fails; capped by yarn.resourcemanager.am.max-attempts."
                    + " A new attempt runs the job again from its start.", 1, Integer.MAX_VALUE);

    public static final ConfigOption<Duration> ATTEMPT_FAILURES_VALIDITY_INTERVAL = ConfigOptions.durationOption(
            "yarn.application-attempt-failures-validity-interval", Duration.ofSeconds(10),
            "Only ApplicationMaster failures within this interval count towards yarn.application-attempts; 0"
                    + " counts every failure.");

    public static final ConfigOption<Integer> APPLICATION_PRIORITY = ConfigOptions.intOption(
            "yarn.application.priority", -1, "Priority of the application in its queue (higher runs first);"
                    + " -1 leaves it to the cluster's default.");

    public static final ConfigOption<String> APPLICATION_NODE_LABEL = ConfigOptions.stringOption(
            "yarn.application.node-label", "", "Node label expression for the application's containers; empty for"
                    + " none.");

    public static final ConfigOption<String> TAGS = ConfigOptions.stringOption("yarn.tags", "",
            "Comma-separated tags of the YARN application, for 'yarn application -list -appTags'.");

    public static final ConfigOption<String> SHIP_FILES = ConfigOptions.stringOption("yarn.ship-files", "",
            "Local files or directories (';'-separated) uploaded with the application and localized in the"
                    + " working directory of every container under their own names; jars among them, and the jars"
                    + " in shipped directories, go on the classpath.");

    public static final ConfigOption<String> PROVIDED_LIB_DIRS = ConfigOptions.stringOption("yarn.provided.lib.dirs",
            "", "Directories on the cluster's file system (';'-separated, e.g. hdfs:///weft/lib) that already hold"
                    + " weft-dist.jar (and any other jars for every container). When set, the client uploads"
                    + " nothing but the job jar and the configuration: the fast way to start.");

    public static final ConfigOption<String> STAGING_DIRECTORY = ConfigOptions.stringOption(
            "yarn.staging-directory", "", "Where the client uploads an application's files, as"
                    + " <dir>/.weft/<application id>/. Empty: the home directory of the user on the default file"
                    + " system (fs.defaultFS). The ApplicationMaster deletes it when the application ends.");

    public static final ConfigOption<Integer> APPMASTER_VCORES = ConfigOptions.intOption("yarn.appmaster.vcores", 1,
            "Virtual cores of the ApplicationMaster's container.", 1, Integer.MAX_VALUE);

    public static final ConfigOption<Integer> CONTAINER_VCORES = ConfigOptions.intOption("yarn.containers.vcores",
            -1, "Virtual cores of each TaskManager container; -1 uses taskmanager.numberOfTaskSlots.");

    public static final ConfigOption<Integer> MAXIMUM_FAILED_CONTAINERS = ConfigOptions.intOption(
            "yarn.maximum-failed-containers", 100, "How many TaskManager containers may end unexpectedly (killed,"
                    + " preempted, exited) over the application's life before the ApplicationMaster stops asking for"
                    + " replacements and fails the jobs that wait for slots.", 0, Integer.MAX_VALUE);

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOptions.durationOption(
            "yarn.heartbeat.interval", Duration.ofSeconds(5), "Interval of the ApplicationMaster's heartbeats to the"
                    + " YARN ResourceManager while it waits for no containers.");

    public static final ConfigOption<Duration> CONTAINER_REQUEST_HEARTBEAT_INTERVAL = ConfigOptions.durationOption(
            "yarn.heartbeat.container-request-interval", Duration.ofMillis(500), "Interval of the"
                    + " ApplicationMaster's heartbeats to the YARN ResourceManager while containers are requested"
                    + " (they are allocated on heartbeats).");

    public static final ConfigOption<Duration> TASKMANAGER_TIMEOUT = ConfigOptions.durationOption(
            "resourcemanager.taskmanager-timeout", Duration.ofSeconds(30), "A TaskManager container whose slots"
                    + " have all been free this long is given back to YARN while no job waits for slots.");

    public static final ConfigOption<String> APPLICATION_ID = ConfigOptions.stringOption("yarn.application.id", "",
            "Id of the running session (application_<ts>_<n>) that '-t yarn-session' commands use; empty: the one"
                    + " in the YARN properties file written by 'yarn-session.sh'.");

    public static final ConfigOption<String> PROPERTIES_FILE_LOCATION = ConfigOptions.stringOption(
            "yarn.properties-file.location", "", "Directory of the YARN properties file (.yarn-properties-<user>)"
                    + " that 'yarn-session.sh' writes and '-t yarn-session' reads. Empty: java.io.tmpdir.");

    public static final ConfigOption<Duration> DEPLOYMENT_TIMEOUT = ConfigOptions.durationOption(
            "yarn.deployment.timeout", Duration.ofMinutes(5), "How long the client waits for the application to"
                    + " run and its REST endpoint to answer before it kills the application and gives up.");

    private YarnOptions() {
    }
}
