package io.weft.client.yarn;

import io.weft.client.rest.ClusterUnreachableException;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.YarnOptions;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

/**
 * Finds a running YARN session and its REST endpoint: the application id comes from {@code -id}, else
 * {@code yarn.application.id}, else the YARN properties file; its report gives the address. Stateless.
 */
public final class YarnSessionLocator {
    private YarnSessionLocator() {
    }

    /**
     * The session's application id.
     *
     * @param explicit the id given with {@code -id}, or null
     * @throws IllegalConfigurationException when no id is given anywhere or it is malformed
     */
    public static ApplicationId applicationId(String explicit, Configuration config) {
        String id = explicit;
        String source = "-id";
        if (id == null || id.isBlank()) {
            id = config.get(YarnOptions.APPLICATION_ID);
            source = YarnOptions.APPLICATION_ID.key();
        }
        YarnPropertiesFile file = YarnPropertiesFile.of(config);
        if (id == null || id.isBlank()) {
            id = file.applicationId().orElseThrow(() -> new IllegalConfigurationException("No YARN session given:"
                    + " pass -id APP_ID, set " + YarnOptions.APPLICATION_ID.key() + ", or start one with"
                    + " yarn-session.sh (no " + file.path() + ")"));
            source = file.path().toString();
        }
        try {
            return ApplicationId.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException("'" + id + "' (" + source + ") is not a YARN application id:"
                    + " write it as application_<timestamp>_<number>, as 'yarn application -list' shows it");
        }
    }

    /**
     * The REST address of the running session {@code id}.
     *
     * @throws ClusterUnreachableException when the application has ended or has no endpoint yet
     */
    public static String restAddress(YarnClusterDeployer yarn, ApplicationId id) {
        ApplicationReport report = yarn.report(id);
        String address = ApplicationReports.restAddress(report);
        if (address == null) {
            throw new ClusterUnreachableException("The YARN session " + id + " is " + report
                    .getYarnApplicationState() + ", not running with a REST endpoint: start a session with"
                    + " yarn-session.sh, or check the id", null);
        }
        return address;
    }
}
