package io.weft.client.cli;

import io.weft.api.InvalidProgramException;
import io.weft.api.JobExecutionException;
import io.weft.api.ProgramFailedException;
import io.weft.client.yarn.WeftDistribution;
import io.weft.config.Configuration;
import io.weft.config.DeploymentOptions;
import io.weft.config.GlobalConfiguration;
import io.weft.config.IllegalConfigurationException;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.entrypoint.ProcessShutdown;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code weft} command line: parses the arguments, runs the command and turns its outcome into an exit code of
 * the user-facing contract, with messages that say what went wrong and how to fix it.
 *
 * <h2>Commands</h2>
 * {@code weft run [options] JOB.jar [ARGS...]} (see {@link RunOptions}) runs a program's {@code main} in this JVM
 * with an execution context for the {@code local} target, sends the jar to a cluster ({@link RemoteRun}) or deploys
 * it on YARN ({@link YarnRun}); {@code list}, {@code status} and {@code cancel} ask a cluster
 * ({@link ClusterCommands}); {@code weft --help} and {@code weft run --help} print usage.
 *
 * <h2>Exit codes and messages</h2>
 * <ul>
 *   <li>{@link ExitCode#SUCCESS}: {@code main} returned normally, or called {@code System.exit(0)} after
 *       submitting its job;
 *   <li>{@link ExitCode#JOB_FAILED}: a {@link JobExecutionException} is in the cause chain of what {@code main}
 *       threw (the job FAILED or was CANCELED; its status and cause go to stdout, as {@link ConsoleJobListener}
 *       prints them), or {@code main} threw anything else ({@code The program failed: <message>} on stderr),
 *       or called {@code System.exit} with a code other than 0 (refused, see
 *       {@link io.weft.runtime.entrypoint.ProgramExit});
 *   <li>{@link ExitCode#USAGE}: a picocli usage error, a {@link UsageException}, or an
 *       {@link IllegalConfigurationException} or {@link InvalidProgramException} anywhere in the cause chain (such
 *       as {@code System.exit(0)} before any job was submitted): its message is the one line on stderr. No command or an unknown command prints the usage as well.
 * </ul>
 * With {@code -v}, or {@code WEFT_DEBUG=1} in the environment, stack traces follow the messages.
 *
 * <h2>Threading</h2>
 * {@link #run} carries out the whole command on the calling thread, including the program's {@code main}. The
 * execution context it installs is JVM-wide (see {@code StreamExecutionEnvironment.initializeContext}), so calls
 * must not overlap.
 */
public final class CliFrontend {
    /** Environment variable that turns on stack traces, as {@code -v} does. */
    public static final String DEBUG_ENV = "WEFT_DEBUG";

    /** How to give the client's JVM more heap, for its line after an OutOfMemoryError. */
    static final String CLIENT_MEMORY_HINT = "a larger -Xmx in JVM_ARGS (default -Xmx1g; the local target runs"
            + " the job in the client's JVM)";
    private static final Logger LOG = LoggerFactory.getLogger(CliFrontend.class);

    private final Map<String, String> environment;

    /** A command line that reads the process environment. */
    public CliFrontend() {
        this(System.getenv());
    }

    /**
     * A command line that reads {@code environment} instead of the process environment.
     *
     * @param environment the variables {@code WEFT_CONF_DIR} and {@code WEFT_DEBUG} are looked up in
     */
    public CliFrontend(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs {@code weft} with {@code args} and exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        ProcessShutdown.install("CLI", CLIENT_MEMORY_HINT);
        defaultWeftHome();
        int exitCode = new CliFrontend().run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        // Exit explicitly: threads a program leaves behind must not keep the CLI alive.
        System.exit(exitCode);
    }

    /**
     * Sets the system property {@code weft.home} (where {@code conf/} is) from the location of
     * {@code weft-dist.jar} when no script set it, as under {@code yarn jar lib/weft-dist.jar}.
     */
    static void defaultWeftHome() {
        if (System.getProperty(GlobalConfiguration.HOME_PROPERTY) == null) {
            WeftDistribution.fromCodeSource()
                    .or(() -> WeftDistribution.fromCommandLine(System.getProperty("sun.java.command", "")))
                    .map(jar -> jar.getParent() == null ? null : jar.getParent().getParent())
                    .ifPresent(home -> System.setProperty(GlobalConfiguration.HOME_PROPERTY, home.toString()));
        }
    }

    /**
     * Runs one command.
     *
     * @param out where job progress and usage help go
     * @param err where error messages go
     * @return the exit code, one of {@link ExitCode}
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = isDebugRequested();
        Optional<String> undecodable = ArgumentEncoding.undecodable(args);
        if (undecodable.isPresent()) {
            err.println(undecodable.get());
            return ExitCode.USAGE;
        }
        RunOptions runOptions = new RunOptions();
        CommandLine weft = new CommandLine(new WeftCommand());
        weft.addSubcommand("run", runOptions);
        ClusterOptions.ListJobs listOptions = new ClusterOptions.ListJobs();
        ClusterOptions.Status statusOptions = new ClusterOptions.Status();
        ClusterOptions.Cancel cancelOptions = new ClusterOptions.Cancel();
        weft.addSubcommand("list", listOptions);
        weft.addSubcommand("status", statusOptions);
        weft.addSubcommand("cancel", cancelOptions);
        weft.setExpandAtFiles(false);
        // Everything after the jar belongs to the program, even words that look like options.
        weft.getSubcommands().get("run").setStopAtPositional(true);

        ParseResult parsed;
        try {
            parsed = weft.parseArgs(args);
        } catch (ParameterException e) {
            return parseError(e, weft, err, debug);
        }
        if (parsed.isUsageHelpRequested()) {
            weft.usage(out);
            return ExitCode.SUCCESS;
        }
        ParseResult command = parsed.subcommand();
        if (command == null) {
            err.println("Missing command: see the list below");
            weft.usage(err);
            return ExitCode.USAGE;
        }
        if (command.isUsageHelpRequested()) {
            command.commandSpec().commandLine().usage(out);
            return ExitCode.SUCCESS;
        }
        return switch (command.commandSpec().name()) {
            case "list" -> ClusterCommands.list(debugged(listOptions, debug), environment, out, err);
            case "status" -> ClusterCommands.status(debugged(statusOptions, debug), environment, out, err);
            case "cancel" -> ClusterCommands.cancel(debugged(cancelOptions, debug), environment, out, err);
            default -> runProgram(runOptions, out, err, debug || runOptions.verbose);
        };
    }

    private static <T extends ClusterOptions.Common> T debugged(T options, boolean debug) {
        options.verbose |= debug;
        return options;
    }

    private int runProgram(RunOptions options, PrintStream out, PrintStream err, boolean verbose) {
        ConsoleJobListener listener = new ConsoleJobListener(out);
        try {
            Configuration config = RunConfiguration.build(options, GlobalConfiguration.loadConfiguration(environment));
            Target target = Target.fromName(config.get(DeploymentOptions.TARGET), DeploymentOptions.TARGET.key());
            if (target == Target.REMOTE) {
                return RemoteRun.run(options, config, environment, config.get(DeploymentOptions.ATTACHED), out, err,
                        verbose);
            }
            if (target.isYarn()) {
                return YarnRun.run(options, config, target, environment, out, err, verbose);
            }
            try (PackagedProgram program = PackagedProgram.open(options.jar, options.mainClass,
                    CliFrontend.class.getClassLoader())) {
                LOG.info("Running {} with arguments {} and configuration {}", program, options.programArgs, config);
                program.run(options.programArgs, config, List.of(listener));
                LOG.info("{} returned", program);
            }
            return ExitCode.SUCCESS;
        } catch (ProgramInvocationException e) {
            return programFailed(e.getCause(), listener, err, verbose);
        } catch (UsageException | IllegalConfigurationException e) {
            return usageError(e, err, verbose);
        } catch (RuntimeException e) {
            OutOfMemoryExit.haltIfOutOfMemory(e);
            LOG.error("Internal error while running {}", options.jar, e);
            err.println("Internal error of the Weft client: " + Failures.message(e)
                    + " (please report it with this stack trace)");
            e.printStackTrace(err);
            return ExitCode.JOB_FAILED;
        }
    }

    private static int programFailed(Throwable thrown, ConsoleJobListener listener, PrintStream err,
            boolean verbose) {
        OutOfMemoryExit.haltIfOutOfMemory(thrown);
        LOG.info("The program failed", thrown);
        JobExecutionException jobFailure = Failures.find(thrown, JobExecutionException.class);
        if (jobFailure != null) {
            listener.reportIfNew(jobFailure);
            printStackTrace(thrown, err, verbose);
            return ExitCode.JOB_FAILED;
        }
        Throwable invalid = Failures.findAny(thrown,
                List.of(IllegalConfigurationException.class, InvalidProgramException.class));
        if (invalid != null) {
            err.println(Failures.messageWithUsage(invalid));
            printStackTrace(thrown, err, verbose);
            return ExitCode.USAGE;
        }
        // A ProgramFailedException carries its whole line ("The program failed: …"), as on the other targets.
        err.println((thrown instanceof ProgramFailedException ? "" : "The program failed: ")
                + Failures.message(thrown));
        printStackTrace(thrown, err, verbose);
        return ExitCode.JOB_FAILED;
    }

    private static int usageError(RuntimeException e, PrintStream err, boolean verbose) {
        LOG.info("Refused the command: {}", e.getMessage());
        err.println(Failures.message(e));
        printStackTrace(e, err, verbose);
        return ExitCode.USAGE;
    }

    private static int parseError(ParameterException e, CommandLine weft, PrintStream err, boolean verbose) {
        if (e.getCommandLine() != weft) {
            // An error in a command's arguments: one line, pointing at its help.
            err.println(Failures.message(e) + " (see 'weft " + e.getCommandLine().getCommandName() + " --help')");
            printStackTrace(e, err, verbose);
            return ExitCode.USAGE;
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            err.println((word.startsWith("-") ? "Unknown option '" : "Unknown command '") + word + "'");
        } else {
            err.println(Failures.message(e));
        }
        weft.usage(err);
        return ExitCode.USAGE;
    }

    private static void printStackTrace(Throwable t, PrintStream err, boolean verbose) {
        if (verbose) {
            t.printStackTrace(err);
        }
    }

    private boolean isDebugRequested() {
        String value = environment.get(DEBUG_ENV);
        return value != null && (value.equals("1") || value.toLowerCase(Locale.ROOT).equals("true"));
    }

    /** The top-level command: only holds the help option; the work is done by its subcommands. */
    @Command(name = "weft", synopsisSubcommandLabel = "COMMAND",
            description = {"Runs Weft programs. 'weft COMMAND --help' describes a command."},
            footer = {"%nEnvironment: WEFT_CONF_DIR (directory of weft-conf.yaml), WEFT_DEBUG=1 (stack traces),"
                + " HADOOP_CONF_DIR or YARN_CONF_DIR (the YARN cluster of -t yarn-per-job, yarn-session and"
                + " yarn-application; yarn-session.sh starts and stops sessions)."})
    static final class WeftCommand {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }
}
