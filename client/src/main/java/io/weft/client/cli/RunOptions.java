package io.weft.client.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options and parameters of {@code weft run}, as picocli fills them in; no behaviour of its own.
 *
 * <p>Everything after the jar belongs to the program, including words that start with {@code -}: the CLI parses
 * {@code run} with picocli's stop-at-positional mode. Filled in once on the CLI's thread and read on it.
 */
@Command(name = "run", sortOptions = false,
        header = "Runs a program from a jar.",
        description = {"Runs the main class of JOB.jar with ARGS. The program's execute() goes to the target: "
                + "by default local, an embedded cluster in this JVM, which prints 'Job <id> submitted' and then "
                + "the job's final status."},
        footerHeading = "%nConfiguration:%n",
        footer = {"Values come from weft-conf.yaml in $WEFT_CONF_DIR (default $WEFT_HOME/conf); -D overrides them."
                + " WEFT_DEBUG=1 acts like -v."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the program returned: its jobs FINISHED",
            "1:a job FAILED or was CANCELED, or the program threw",
            "2:usage or configuration error",
            "3:cluster unreachable"})
final class RunOptions {
    @Option(names = {"-t", "--target"}, paramLabel = "TARGET",
            description = "local (default), remote (with -m), yarn-per-job, yarn-session or yarn-application. "
                    + "YARN targets find the cluster through HADOOP_CONF_DIR (or YARN_CONF_DIR).")
    String target;

    @Option(names = {"-c", "--class"}, paramLabel = "MAIN_CLASS",
            description = "The program's entry class (default: Main-Class in the jar's manifest).")
    String mainClass;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "PARALLELISM",
            description = "Default parallelism of the program's operators (sets parallelism.default).")
    Integer parallelism;

    @Option(names = {"-d", "--detached"},
            description = "Return once the job is submitted instead of waiting for its end (needs a cluster; on"
                    + " YARN it prints the application id and the job id).")
    boolean detached;

    @Option(names = {"-m", "--jobmanager"}, paramLabel = "HOST:PORT",
            description = "REST address of a remote cluster (with -t remote).")
    String jobManager;

    @Option(names = "-D", paramLabel = "key=value",
            description = "Sets a configuration key, overriding weft-conf.yaml (on YARN: also in the application's"
                    + " containers). Repeatable.")
    List<String> dynamicProperties = new ArrayList<>();

    @Option(names = {"-s", "--fromSavepoint"}, paramLabel = "SAVEPOINT",
            description = "Savepoint to restore the job from.")
    String savepoint;

    @Option(names = {"-v", "--verbose"}, description = "Also print the stack traces of errors.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "JOB.jar", description = "The jar holding the program.")
    String jar;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "Arguments for the program's main method, passed unchanged.")
    List<String> programArgs = new ArrayList<>();
}
