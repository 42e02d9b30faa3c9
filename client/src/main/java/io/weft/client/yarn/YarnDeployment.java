package io.weft.client.yarn;

import io.weft.runtime.rpc.RestToken;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * A running Weft application on YARN, as the deployer hands it back. Immutable.
 *
 * @param applicationId the YARN application
 * @param restAddress {@code host:port} of its JobManager's REST endpoint
 * @param stagingDir the fully qualified staging directory this client created, which the ApplicationMaster
 *     deletes at the end unless it was killed
 * @param restToken the token its REST endpoint wants for calls that change state
 */
public record YarnDeployment(ApplicationId applicationId, String restAddress, String stagingDir,
        RestToken restToken) {
    /** The REST endpoint's URL. */
    public String restUrl() {
        return "http://" + restAddress + "/";
    }
}
