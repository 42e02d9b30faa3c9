package io.weft.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.api.JobStatus;
import io.weft.client.rest.ClusterUnreachableException;
import io.weft.client.rest.RestClusterClient;
import io.weft.client.yarn.ApplicationReports;
import io.weft.client.yarn.YarnClusterDeployer;
import io.weft.client.yarn.YarnDeployment;
import io.weft.client.yarn.YarnDeploymentException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * Follows the one job of a per-job or application-mode YARN application: finds its id at {@code GET /jobs}, then
 * reads its state through REST while the JobManager answers, and takes the outcome from the application report
 * (final status and diagnostics) once the ApplicationMaster has gone. Prints {@code Job <id> FINISHED|FAILED|
 * CANCELED} and, for a failure, {@code Cause: …}, as {@link RemoteRun} does. Runs on the CLI's thread, polling.
 */
final class YarnJobFollower {
    private static final Duration REST_TIMEOUT = Duration.ofSeconds(10);
    /** How long the application may stay RUNNING without a REST endpoint before the client gives up. */
    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(120);

    private final YarnClusterDeployer yarn;
    private final YarnDeployment deployment;
    private final PrintStream out;

    YarnJobFollower(YarnClusterDeployer yarn, YarnDeployment deployment, PrintStream out) {
        this.yarn = yarn;
        this.deployment = deployment;
        this.out = out;
    }

    /**
     * The id of the application's job, waiting up to {@code timeout} for it to appear; null when the application
     * ended first (its outcome is then all there is). When none appears in time the application is killed.
     */
    String awaitJobId(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RestClusterClient rest = new RestClusterClient(deployment.restAddress(), REST_TIMEOUT);
        while (System.nanoTime() < deadline) {
            try {
                List<Map.Entry<String, String>> jobs = rest.listJobs();
                if (!jobs.isEmpty()) {
                    return jobs.get(0).getKey();
                }
            } catch (ClusterUnreachableException e) {
                if (ApplicationReports.hasEnded(yarn.report(deployment.applicationId()))) {
                    return null;
                }
            }
            Thread.sleep(RemoteRun.POLL.toMillis());
        }
        // the client gives up on it: an application whose main() hangs must not hold the cluster's resources
        yarn.kill(deployment.applicationId());
        yarn.deleteStagingLeftBy(deployment);
        throw new YarnDeploymentException("The YARN application " + deployment.applicationId() + " ran no job"
                + " within " + timeout + " (yarn.deployment.timeout) and was killed: see its log with 'yarn logs"
                + " -applicationId " + deployment.applicationId() + "'");
    }

    /** Follows the job (null: the application ended before its job was seen) to its end; returns the exit code. */
    int follow(String jobId) throws InterruptedException {
        String address = deployment.restAddress();
        long goneSince = 0;
        WaitingReporter waiting = new WaitingReporter(out);
        while (true) {
            if (jobId != null && address != null) {
                try {
                    JsonNode details = new RestClusterClient(address, REST_TIMEOUT).jobDetails(jobId);
                    JobStatus state = JobStatus.valueOf(details.path("state").asText());
                    waiting.update(details);
                    if (state.isGloballyTerminal()) {
                        return ended(jobId, state, state == JobStatus.FAILED ? rootCause(address, jobId) : null);
                    }
                    goneSince = 0;
                    Thread.sleep(RemoteRun.POLL.toMillis());
                    continue;
                } catch (ClusterUnreachableException e) {
                    address = null;
                }
            }
            ApplicationReport report = yarn.report(deployment.applicationId());
            if (ApplicationReports.hasEnded(report)) {
                return fromReport(jobId, report);
            }
            // a new attempt of the ApplicationMaster may register another endpoint
            address = ApplicationReports.restAddress(report);
            goneSince = goneSince == 0 ? System.nanoTime() : goneSince;
            if (System.nanoTime() - goneSince > GONE_TIMEOUT.toNanos()) {
                throw new YarnDeploymentException("The JobManager of YARN application " + deployment.applicationId()
                        + " has not answered for " + GONE_TIMEOUT + " while the application is "
                        + report.getYarnApplicationState() + ": check it with 'yarn application -status "
                        + deployment.applicationId() + "'");
            }
            Thread.sleep(RemoteRun.POLL.toMillis());
        }
    }

    private int fromReport(String jobId, ApplicationReport report) {
        if (report.getFinalApplicationStatus() != FinalApplicationStatus.SUCCEEDED) {
            yarn.deleteStagingLeftBy(deployment);
        }
        String diagnostics = ApplicationReports.diagnostics(report);
        String job = jobId != null ? jobId : "of application " + deployment.applicationId();
        if (report.getYarnApplicationState() == YarnApplicationState.KILLED) {
            return ended(job, JobStatus.CANCELED, "The YARN application " + deployment.applicationId()
                    + " was killed: " + diagnostics);
        }
        FinalApplicationStatus status = report.getFinalApplicationStatus();
        if (status == FinalApplicationStatus.SUCCEEDED) {
            return ended(job, JobStatus.FINISHED, null);
        }
        if (status == FinalApplicationStatus.KILLED) {
            return ended(job, JobStatus.CANCELED, diagnostics);
        }
        String prefix = "Job " + jobId + " FAILED: ";
        return ended(job, JobStatus.FAILED, diagnostics.startsWith(prefix) ? diagnostics.substring(prefix.length())
                : diagnostics);
    }

    private String rootCause(String address, String jobId) {
        try {
            String root = new RestClusterClient(address, REST_TIMEOUT).rootException(jobId);
            return root == null ? null : RemoteRun.causeMessage(root);
        } catch (ClusterUnreachableException e) {
            return null;
        }
    }

    private int ended(String job, JobStatus state, String cause) {
        out.println("Job " + job + " " + state);
        if (cause != null) {
            out.println("Cause: " + cause);
        }
        return state == JobStatus.FINISHED ? ExitCode.SUCCESS : ExitCode.JOB_FAILED;
    }
}
