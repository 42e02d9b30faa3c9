package io.weft.client.yarn;

import io.weft.client.rest.ClusterUnreachableException;
import io.weft.client.rest.RestClusterClient;
import io.weft.client.rest.RestRequestException;
import io.weft.runtime.rpc.RestToken;
import java.time.Duration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a YARN session: asks its JobManager to shut down ({@code DELETE /cluster}), waits (bounded) for the
 * application to end, and kills it when it does not. Runs on the calling thread (or a shutdown hook's).
 */
public final class YarnSessionStopper {
    /** How long the session gets to end after {@code DELETE /cluster} before it is killed. */
    public static final Duration GRACE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(YarnSessionStopper.class);

    private YarnSessionStopper() {
    }

    /**
     * Stops the session.
     *
     * @param token the session's REST token, or null when none was found (the session is then killed)
     * @return the final report, or null when the application was killed after the grace period
     */
    public static ApplicationReport stop(YarnClusterDeployer yarn, ApplicationId id, RestToken token)
            throws InterruptedException {
        ApplicationReport report = yarn.report(id);
        if (ApplicationReports.hasEnded(report)) {
            return report;
        }
        String address = ApplicationReports.restAddress(report);
        if (address != null) {
            try {
                new RestClusterClient(address, Duration.ofSeconds(10), token).shutDownCluster();
                LOG.info("Asked the session {} at {} to shut down", id, address);
            } catch (ClusterUnreachableException | RestRequestException e) {
                LOG.warn("The session {} at {} did not take the shutdown request ({}): killing it", id, address,
                        e.getMessage());
            }
            long deadline = System.nanoTime() + GRACE.toNanos();
            while (System.nanoTime() < deadline) {
                report = yarn.report(id);
                if (ApplicationReports.hasEnded(report)) {
                    return report;
                }
                Thread.sleep(ApplicationWaiter.POLL.toMillis());
            }
        }
        yarn.kill(id);
        LOG.info("Killed the session {}", id);
        return null;
    }
}
