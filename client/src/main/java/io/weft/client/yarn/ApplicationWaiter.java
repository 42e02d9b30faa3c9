package io.weft.client.yarn;

import io.weft.client.rest.ClusterUnreachableException;
import io.weft.client.rest.RestClusterClient;
import io.weft.client.rest.RestRequestException;
import java.io.IOException;
import java.time.Duration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a submitted application runs and its JobManager's REST endpoint answers {@code GET /overview}:
 * polls the application report every {@link #POLL}, bounded by a deadline. Runs on the calling thread.
 */
public final class ApplicationWaiter {
    /** How often the report is read. */
    public static final Duration POLL = Duration.ofMillis(150);
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationWaiter.class);
    private static final Duration REST_TIMEOUT = Duration.ofSeconds(5);

    private ApplicationWaiter() {
    }

    /**
     * Waits for the application.
     *
     * @return the REST address
     * @throws YarnDeploymentException when the application ends first, or {@code timeout} passes
     */
    public static String awaitRest(YarnClient yarn, ApplicationId id, Duration timeout)
            throws IOException, YarnException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object lastState = null;
        while (true) {
            ApplicationReport report = yarn.getApplicationReport(id);
            if (report.getYarnApplicationState() != lastState) {
                lastState = report.getYarnApplicationState();
                LOG.info("Application {} is {}", id, lastState);
            }
            if (ApplicationReports.hasEnded(report)) {
                throw new YarnDeploymentException("The YARN application " + id + " ended "
                        + report.getYarnApplicationState() + " before it ran: "
                        + ApplicationReports.diagnostics(report));
            }
            String address = ApplicationReports.restAddress(report);
            if (address != null && answers(address)) {
                LOG.info("Application {} runs; its REST endpoint is {}", id, address);
                return address;
            }
            if (System.nanoTime() > deadline) {
                throw new YarnDeploymentException("The YARN application " + id + " did not run within " + timeout
                        + " (it is " + report.getYarnApplicationState() + "; " + ApplicationReports.diagnostics(report)
                        + "): check the cluster's free resources with 'yarn application -list', or raise"
                        + " yarn.deployment.timeout");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean answers(String address) {
        try {
            new RestClusterClient(address, REST_TIMEOUT).overview();
            return true;
        } catch (ClusterUnreachableException | RestRequestException e) {
            LOG.debug("The REST endpoint {} does not answer yet: {}", address, e.getMessage());
            return false;
        }
    }
}
