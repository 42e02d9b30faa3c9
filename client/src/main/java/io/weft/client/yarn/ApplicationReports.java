package io.weft.client.yarn;

import io.weft.config.MemoryOptions;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * Reading {@link ApplicationReport}s: ended states, the REST address, the Weft mode and diagnostics as one line.
 * Stateless.
 */
public final class ApplicationReports {
    /** The states of an application that has ended. */
    public static final Set<YarnApplicationState> ENDED = EnumSet.of(YarnApplicationState.FINISHED,
            YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private static final int MAX_DIAGNOSTICS = 2000;
    /** How YARN's diagnostics name the exit code of a container ended by {@code OutOfMemoryExit}. */
    private static final Pattern OUT_OF_MEMORY = Pattern.compile("exitCode: " + OutOfMemoryExit.EXIT_CODE + "\\b");

    private ApplicationReports() {
    }

    /** Whether the application has ended. */
    public static boolean hasEnded(ApplicationReport report) {
        return ENDED.contains(report.getYarnApplicationState());
    }

    /**
     * The Weft mode of the application ({@code session}, {@code per-job}, {@code application}) from its mode tag,
     * or empty when it has none: not a Weft application, or one of a Weft version that did not tag them.
     */
    public static Optional<String> weftMode(ApplicationReport report) {
        Set<String> tags = report.getApplicationTags();
        if (tags == null) {
            return Optional.empty();
        }
        return tags.stream().filter(t -> t.startsWith(ApplicationSettings.MODE_TAG_PREFIX))
                .map(t -> t.substring(ApplicationSettings.MODE_TAG_PREFIX.length())).findFirst();
    }

    /**
     * {@code host:port} of the JobManager's REST endpoint, which the ApplicationMaster registers as its host and
     * RPC port, or null while it has not registered.
     */
    public static String restAddress(ApplicationReport report) {
        if (report.getYarnApplicationState() != YarnApplicationState.RUNNING || report.getRpcPort() <= 0
                || report.getHost() == null || report.getHost().isBlank() || report.getHost().equals("N/A")) {
            return null;
        }
        return report.getHost() + ":" + report.getRpcPort();
    }

    /**
     * The report's diagnostics on one line (white space runs collapsed, long text cut), or "no diagnostics"; led by
     * what to change when YARN says that the ApplicationMaster's container exited because it ran out of memory.
     */
    public static String diagnostics(ApplicationReport report) {
        String line = oneLine(report.getDiagnostics());
        return OUT_OF_MEMORY.matcher(line).find() ? "The ApplicationMaster ran out of heap memory: raise "
                + MemoryOptions.JOB_MANAGER_PROCESS_SIZE.key() + ". " + line : line;
    }

    /** {@code text} on one line, white space runs collapsed and cut after 2000 characters. */
    static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "no diagnostics";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_DIAGNOSTICS ? line : line.substring(0, MAX_DIAGNOSTICS) + " …";
    }
}
