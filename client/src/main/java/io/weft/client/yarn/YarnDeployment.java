package io.weft.client.yarn;

import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * A running Weft application on YARN, as the deployer hands it back. Immutable.
 *
 * @param applicationId the YARN application
 * @param restAddress {@code host:port} of its JobManager's REST endpoint
 */
public record YarnDeployment(ApplicationId applicationId, String restAddress) {
    /** The REST endpoint's URL. */
    public String restUrl() {
        return "http://" + restAddress + "/";
    }
}
