package io.weft.client.cli;

import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.client.rest.ClusterUnreachableException;
import io.weft.client.rest.RestClusterClient;
import io.weft.client.rest.RestRequestException;
import io.weft.client.rest.RestTokens;
import io.weft.api.FatalException;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import io.weft.client.yarn.YarnClusterDeployer;
import io.weft.client.yarn.YarnDeploymentException;
import io.weft.client.yarn.YarnSessionLocator;
import io.weft.config.Configuration;
import io.weft.config.GlobalConfiguration;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Carries out {@code list}, {@code status} and {@code cancel} against a cluster's REST endpoint ({@code -m}, or the
 * YARN session's with {@code -t yarn-session}) and maps the outcome to exit codes: 0 done, 1 the cluster refused (unknown job, job already ended), 2 a malformed argument,
 * 3 the cluster could not be reached.
 *
 * <p>Stateless; runs on the CLI's thread.
 */
final class ClusterCommands {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ClusterCommands() {
    }

    static int list(ClusterOptions.ListJobs options, Map<String, String> environment, PrintStream out,
            PrintStream err) {
        return withClient(options, environment, err, client -> {
            int shown = 0;
            for (Map.Entry<String, String> job : client.listJobs()) {
                if (options.all || !isEnded(job.getValue())) {
                    out.println(job.getKey() + " " + job.getValue());
                    shown++;
                }
            }
            if (shown == 0) {
                out.println(options.all ? "No jobs." : "No running jobs (-a lists ended ones too).");
            }
            return ExitCode.SUCCESS;
        });
    }

    static int status(ClusterOptions.Status options, Map<String, String> environment, PrintStream out,
            PrintStream err) {
        return withClient(options, environment, err, client -> {
            String id = checkedId(options.jobId);
            String state = client.jobDetails(id).path("state").asText();
            out.println("Job " + id + " " + state);
            if (JobStatus.FAILED.name().equals(state)) {
                String cause = client.rootException(id);
                if (cause != null) {
                    out.println("Cause: " + cause.lines().findFirst().orElse(cause));
                }
            }
            return ExitCode.SUCCESS;
        });
    }

    static int cancel(ClusterOptions.Cancel options, Map<String, String> environment, PrintStream out,
            PrintStream err) {
        return withClient(options, environment, err, client -> {
            String id = checkedId(options.jobId);
            client.cancel(id);
            out.println("Cancelling job " + id);
            return ExitCode.SUCCESS;
        });
    }

    private static String checkedId(String id) {
        try {
            return JobID.fromHexString(id.toLowerCase(Locale.ROOT)).toString();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ": copy the id from 'weft list -a'");
        }
    }

    private static boolean isEnded(String status) {
        try {
            return JobStatus.valueOf(status).isTerminal();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private interface ClientCall {
        int run(RestClusterClient client);
    }

    private static int withClient(ClusterOptions.Common options, Map<String, String> environment, PrintStream err,
            ClientCall call) {
        try {
            Configuration config = GlobalConfiguration.loadConfiguration(environment);
            if (options.isYarnSession()) {
                try (YarnClusterDeployer yarn = new YarnClusterDeployer(environment)) {
                    ApplicationId id = YarnSessionLocator.applicationId(options.applicationId, config);
                    String address = YarnSessionLocator.restAddress(yarn, id, config);
                    return call.run(new RestClusterClient(address, TIMEOUT,
                            yarn.restToken(id, config).orElse(null)));
                }
            }
            return call.run(new RestClusterClient(options.address(), TIMEOUT,
                    RestTokens.forCluster(config, environment).orElse(null)));
        } catch (IllegalArgumentException | UsageException | FatalException e) {
            err.println(Failures.message(e));
            printStackTrace(e, err, options.verbose);
            return ExitCode.USAGE;
        } catch (ClusterUnreachableException e) {
            err.println(e.getMessage());
            printStackTrace(e, err, options.verbose);
            return ExitCode.CLUSTER_UNREACHABLE;
        } catch (RestRequestException e) {
            err.println(e.getMessage());
            printStackTrace(e, err, options.verbose);
            return e.status() == 400 || e.status() == 401 ? ExitCode.USAGE : ExitCode.JOB_FAILED;
        } catch (YarnDeploymentException e) {
            err.println(e.getMessage());
            printStackTrace(e, err, options.verbose);
            return ExitCode.JOB_FAILED;
        }
    }

    private static void printStackTrace(Throwable t, PrintStream err, boolean verbose) {
        if (verbose) {
            t.printStackTrace(err);
        }
    }
}
