package io.weft.client.yarn;

import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * A running Weft application on YARN, as the deployer hands it back. Immutable.
 *
 * @param applicationId the YARN application
 * @param restAddress {@code host:port} of its JobManager's REST endpoint
 * @param stagingDir the fully qualified staging directory this client created, which the ApplicationMaster
 *     deletes at the end unless it was killed
 */
public record YarnDeployment(ApplicationId applicationId, String restAddress, String stagingDir) {
    /** The REST endpoint's URL. */
    public String restUrl() {
        return "http://" + restAddress + "/";
    }
}
