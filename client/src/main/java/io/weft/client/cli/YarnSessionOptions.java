package io.weft.client.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code yarn-session.sh}, as picocli fills them in; no behaviour of its own. Filled in once on the
 * CLI's thread and read on it.
 */
@Command(name = "yarn-session.sh", sortOptions = false,
        header = "Starts or stops a Weft session cluster on YARN.",
        description = {"Without 'stop': starts a session (an ApplicationMaster running the JobManager; TaskManagers"
                + " come as jobs need them), writes its id to the YARN properties file so that 'weft run -t"
                + " yarn-session' finds it, and prints its id and REST URL. Attached, it waits until 'stop' is typed"
                + " (or stdin ends, or Ctrl-C) and then stops the session. With 'stop': stops the session of -id (or"
                + " of the properties file)."},
        footerHeading = "%nEnvironment:%n",
        footer = {"HADOOP_CONF_DIR (or YARN_CONF_DIR) locates the cluster; WEFT_CONF_DIR holds weft-conf.yaml."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the session started (detached) or was stopped",
            "1:the session could not be started, or ended on its own",
            "2:usage or configuration error",
            "3:the cluster or the session cannot be reached"})
final class YarnSessionOptions {
    @Option(names = {"-d", "--detached"}, description = "Return once the session runs.")
    boolean detached;

    @Option(names = {"-nm", "--name"}, paramLabel = "NAME", description = "The application's name"
            + " (yarn.application.name).")
    String name;

    @Option(names = {"-qu", "--queue"}, paramLabel = "QUEUE", description = "The YARN queue"
            + " (yarn.application.queue).")
    String queue;

    @Option(names = {"-s", "--slots"}, paramLabel = "SLOTS", description = "Slots per TaskManager"
            + " (taskmanager.numberOfTaskSlots).")
    Integer slots;

    @Option(names = {"-tm", "--taskManagerMemory"}, paramLabel = "MEMORY", description = "Memory of each TaskManager"
            + " container, e.g. 2g; a plain number means MB (taskmanager.memory.process.size).")
    String taskManagerMemory;

    @Option(names = {"-jm", "--jobManagerMemory"}, paramLabel = "MEMORY", description = "Memory of the"
            + " ApplicationMaster's container; a plain number means MB (jobmanager.memory.process.size).")
    String jobManagerMemory;

    @Option(names = {"-id", "--applicationId"}, paramLabel = "APP_ID", description = "The session to stop.")
    String applicationId;

    @Option(names = "-D", paramLabel = "key=value", description = "Sets a configuration key for the session."
            + " Repeatable.")
    List<String> dynamicProperties = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Also print the stack traces of errors.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(arity = "0..1", paramLabel = "stop", description = "Stop the session instead of starting one.")
    String command;
}
