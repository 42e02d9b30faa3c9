package io.weft.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.api.JobStatus;
import io.weft.client.rest.ClusterUnreachableException;
import io.weft.client.rest.RestClusterClient;
import io.weft.client.rest.RestRequestException;
import io.weft.client.rest.RestTokens;
import io.weft.api.FatalException;
import io.weft.config.Configuration;
import io.weft.runtime.rpc.RestToken;
import java.util.Map;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a program on a remote cluster ({@code weft run -t remote -m HOST:PORT}): uploads the jar, asks the cluster
 * to run it with the job-level {@code -D} settings, prints {@code Job <id> submitted}, and — attached — follows the job until it ends, printing its final
 * status (and the root cause of a failure) and returning its exit code.
 *
 * <p>Runs on the CLI's thread; polls the cluster every {@link #POLL} while the job runs.
 */
final class RemoteRun {
    static final Duration POLL = Duration.ofMillis(250);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private RemoteRun() {
    }

    /** Runs the program on the standalone cluster of {@code -m}, with the token of the secret found here. */
    static int run(RunOptions options, Configuration config, Map<String, String> environment, boolean attached,
            PrintStream out, PrintStream err, boolean verbose) {
        RestToken token;
        try {
            token = RestTokens.forCluster(config, environment).orElse(null);
        } catch (FatalException e) {
            return fail(e, e.getMessage(), ExitCode.USAGE, err, verbose);
        }
        return run(options, options.jobManager == null ? ClusterOptions.DEFAULT_ADDRESS : options.jobManager, token,
                attached, out, err, verbose);
    }

    /** Runs the program on the cluster whose REST endpoint is {@code address}, sending {@code token} (or none). */
    static int run(RunOptions options, String address, RestToken token, boolean attached, PrintStream out,
            PrintStream err, boolean verbose) {
        try {
            // the same checks as a local run (a jar, an entry class with main) before anything is uploaded
            PackagedProgram.open(options.jar, options.mainClass, CliFrontend.class.getClassLoader()).close();
            RestClusterClient client = new RestClusterClient(address, TIMEOUT, token);
            String jobId = client.submitJar(Path.of(options.jar), options.mainClass, List.copyOf(options.programArgs),
                    options.parallelism, RunConfiguration.jobSettings(options.dynamicProperties));
            out.println("Job " + jobId + " submitted");
            return attached ? follow(client, jobId, out) : ExitCode.SUCCESS;
        } catch (ClusterUnreachableException e) {
            return fail(e, e.getMessage(), ExitCode.CLUSTER_UNREACHABLE, err, verbose);
        } catch (RestRequestException e) {
            return fail(e, e.getMessage(), e.status() < 500 && e.status() != RestRequestException.PROGRAM_FAILED
                    ? ExitCode.USAGE : ExitCode.JOB_FAILED, err, verbose);
        } catch (IllegalArgumentException | UsageException e) {
            return fail(e, Failures.message(e), ExitCode.USAGE, err, verbose);
        } catch (IOException e) {
            return fail(e, "Cannot read " + options.jar + ": " + e.getMessage(), ExitCode.USAGE, err, verbose);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(e, "Interrupted while following the job", ExitCode.JOB_FAILED, err, verbose);
        }
    }

    private static int follow(RestClusterClient client, String jobId, PrintStream out) throws InterruptedException {
        WaitingReporter waiting = new WaitingReporter(out);
        while (true) {
            JsonNode details = client.jobDetails(jobId);
            JobStatus state = JobStatus.valueOf(details.path("state").asText());
            waiting.update(details);
            if (state.isGloballyTerminal()) {
                out.println("Job " + jobId + " " + state);
                if (state == JobStatus.FAILED) {
                    String root = client.rootException(jobId);
                    if (root != null) {
                        out.println("Cause: " + causeMessage(root));
                    }
                }
                return state == JobStatus.FINISHED ? ExitCode.SUCCESS : ExitCode.JOB_FAILED;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The message of a stack trace's first line ("java.lang.X: message" gives "message"). */
    static String causeMessage(String stackTrace) {
        String first = stackTrace.lines().findFirst().orElse(stackTrace);
        int colon = first.indexOf(": ");
        return colon > 0 && first.substring(0, colon).matches("[\\w.$]+") ? first.substring(colon + 2) : first;
    }

    private static int fail(Throwable e, String message, int code, PrintStream err, boolean verbose) {
        err.println(message);
        if (verbose) {
            e.printStackTrace(err);
        }
        return code;
    }
}
