package io.weft.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of the commands that talk to a running cluster through its REST endpoint: {@code list},
 * {@code status} and {@code cancel}. Filled in by picocli on the CLI's thread; no behaviour of its own.
 */
final class ClusterOptions {
    /** Default REST address when {@code -m} is not given. */
    static final String DEFAULT_ADDRESS = "localhost:8081";

    private ClusterOptions() {
    }

    /** Options every cluster command has. */
    static class Common {
        @Option(names = {"-m", "--jobmanager"}, paramLabel = "HOST:PORT",
                description = "REST address of the cluster (default " + DEFAULT_ADDRESS + ").")
        String jobManager;

        @Option(names = {"-t", "--target"}, paramLabel = "TARGET",
                description = "remote (default: the cluster of -m) or yarn-session (the YARN session of -id, else of"
                        + " yarn.application.id, else of the YARN properties file that yarn-session.sh writes).")
        String target;

        @Option(names = {"-id", "--applicationId"}, paramLabel = "APP_ID",
                description = "The YARN session's application id (with -t yarn-session).")
        String applicationId;

        @Option(names = {"-v", "--verbose"}, description = "Also print the stack traces of errors.")
        boolean verbose;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        String address() {
            return jobManager == null ? DEFAULT_ADDRESS : jobManager;
        }

        /**
         * Whether the command addresses a YARN session.
         *
         * @throws UsageException for a target other than remote and yarn-session, or options that do not fit it
         */
        boolean isYarnSession() {
            Target t = target == null ? Target.REMOTE : Target.fromName(target, "-t");
            if (t != Target.REMOTE && t != Target.YARN_SESSION) {
                throw new UsageException("-t " + target + " runs no cluster to ask: use -t remote (with -m) or -t"
                        + " yarn-session");
            }
            if (t == Target.YARN_SESSION && jobManager != null) {
                throw new UsageException("-m addresses a standalone cluster, but the target is yarn-session: drop -m");
            }
            if (t == Target.REMOTE && applicationId != null) {
                throw new UsageException("-id names a YARN session: add -t yarn-session");
            }
            return t == Target.YARN_SESSION;
        }
    }

    /** {@code weft list}. */
    @Command(name = "list", header = "Lists the jobs of a cluster.",
            description = "Prints one line per job: its id and status. Without -a only jobs that have not ended.")
    static final class ListJobs extends Common {
        @Option(names = {"-a", "--all"}, description = "Also list jobs that have ended.")
        boolean all;
    }

    /** {@code weft status JOB_ID} and {@code weft cancel JOB_ID}. */
    static class JobCommand extends Common {
        @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job's id (32 hex digits).")
        String jobId;
    }

    /** {@code weft status JOB_ID}. */
    @Command(name = "status", header = "Prints the status of a job.")
    static final class Status extends JobCommand {
    }

    /** {@code weft cancel JOB_ID}. */
    @Command(name = "cancel", header = "Cancels a job.")
    static final class Cancel extends JobCommand {
    }
}
