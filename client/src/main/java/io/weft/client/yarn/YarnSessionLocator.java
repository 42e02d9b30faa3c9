package io.weft.client.yarn;

import io.weft.client.rest.ClusterUnreachableException;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.yarn.YarnLaunchSpec;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

/**
 * Finds a running YARN session and its REST endpoint: the application id comes from {@code -id}, else
 * {@code yarn.application.id}, else the YARN properties file; its report gives the address. A properties file that
 * names an application which has ended is removed, so that it no longer leads commands astray. Stateless.
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
     * @throws IllegalConfigurationException when the application has ended and the YARN properties file named it
     *     (the file is removed: the user must start a session)
     * @throws ClusterUnreachableException when the application has ended or has no endpoint yet
     */
    public static String restAddress(YarnClusterDeployer yarn, ApplicationId id, Configuration config) {
        ApplicationReport report = yarn.report(id);
        String address = ApplicationReports.restAddress(report);
        if (address == null) {
            if (ApplicationReports.hasEnded(report)) {
                forgetEnded(YarnPropertiesFile.of(config), report);
            }
            throw new ClusterUnreachableException("The YARN session " + id + " is " + report
                    .getYarnApplicationState() + ", not running with a REST endpoint: start a session with"
                    + " yarn-session.sh, or check the id", null);
        }
        return address;
    }

    /** Removes {@code file} when it names the ended application of {@code report}, and says so. */
    private static void forgetEnded(YarnPropertiesFile file, ApplicationReport report) {
        String id = report.getApplicationId().toString();
        String ended = "The YARN session " + id + " that " + file.path() + " names has ended ("
                + report.getYarnApplicationState() + ")";
        boolean removed;
        try {
            removed = file.deleteIfFor(id);
        } catch (IOException e) {
            throw new IllegalConfigurationException(ended + " and the file cannot be removed (" + e.getMessage()
                    + "): delete it, then start a session with yarn-session.sh");
        }
        if (removed) {
            throw new IllegalConfigurationException(ended + ": removed the file; start a session with"
                    + " yarn-session.sh");
        }
    }

    /**
     * Checks that {@code report} is of a Weft session (tagged {@code weft-mode:session}).
     *
     * @throws IllegalConfigurationException naming what the application is instead
     */
    public static void requireSession(ApplicationReport report) {
        Optional<String> mode = ApplicationReports.weftMode(report);
        if (mode.isPresent() && mode.get().equals(YarnLaunchSpec.Mode.SESSION.cliName())) {
            return;
        }
        String what = mode.map(m -> "a Weft " + m + " application").orElse("a YARN application of type '"
                + report.getApplicationType() + "' (" + report.getName() + ")");
        throw new IllegalConfigurationException(report.getApplicationId() + " is " + what + ", not a Weft session:"
                + " nothing was stopped; give the id of a session ('yarn application -list -appTags "
                + ApplicationSettings.modeTag(YarnLaunchSpec.Mode.SESSION) + "'), or stop this application with"
                + " 'yarn application -kill " + report.getApplicationId() + "'");
    }
}
