package io.weft.client.yarn;

import io.weft.config.Configuration;
import io.weft.config.ProcessMemory;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.yarn.YarnLaunchSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;

/**
 * Fills an {@link ApplicationSubmissionContext} from the {@code yarn.*} options: name (or its default per mode),
 * type, queue, tags, priority, node label, the ApplicationMaster's resource, attempts and the attempt-failures
 * validity interval. Besides the tags of {@code yarn.tags}, every application is tagged with its mode
 * ({@value #MODE_TAG_PREFIX}{@code session|per-job|application}), by which the client tells a session from other
 * applications whatever their type and name. Stateless.
 */
public final class ApplicationSettings {
    /** The start of the tag naming an application's mode; YARN keeps tags in lower case. */
    public static final String MODE_TAG_PREFIX = "weft-mode:";

    private ApplicationSettings() {
    }

    /**
     * The application's name: {@code yarn.application.name}, else {@code Weft per-job: <jar>},
     * {@code Weft application: <jar>} or {@code Weft session}.
     */
    public static String name(Configuration config, YarnLaunchSpec.Mode mode, Path jobJar) {
        String name = config.get(YarnOptions.APPLICATION_NAME);
        if (!name.isBlank()) {
            return name;
        }
        return switch (mode) {
            case SESSION -> "Weft session";
            case PER_JOB -> "Weft per-job: " + jobJar.getFileName();
            case APPLICATION -> "Weft application: " + jobJar.getFileName();
        };
    }

    /** The tags of {@code yarn.tags}, trimmed, without empty ones. */
    public static Set<String> tags(Configuration config) {
        Set<String> tags = new LinkedHashSet<>();
        Arrays.stream(config.get(YarnOptions.TAGS).split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .forEach(tags::add);
        return tags;
    }

    /** The ApplicationMaster's container resource: {@code jobmanager.memory.process.size} and its vcores. */
    public static Resource amResource(Configuration config) {
        return Resource.newInstance(ProcessMemory.forJobManager(config).process().getMebiBytes(),
                config.get(YarnOptions.APPMASTER_VCORES));
    }

    /** The tag of an application of {@code mode}, such as {@code weft-mode:session}. */
    public static String modeTag(YarnLaunchSpec.Mode mode) {
        return MODE_TAG_PREFIX + mode.cliName();
    }

    /** Sets everything but the application id on {@code context}. */
    public static void apply(ApplicationSubmissionContext context, Configuration config, YarnLaunchSpec.Mode mode,
            String name, ContainerLaunchContext amContainer) {
        context.setApplicationName(name);
        context.setApplicationType(config.get(YarnOptions.APPLICATION_TYPE));
        context.setQueue(config.get(YarnOptions.APPLICATION_QUEUE));
        Set<String> tags = tags(config);
        tags.add(modeTag(mode));
        context.setApplicationTags(tags);
        int priority = config.get(YarnOptions.APPLICATION_PRIORITY);
        if (priority >= 0) {
            context.setPriority(Priority.newInstance(priority));
        }
        String label = config.get(YarnOptions.APPLICATION_NODE_LABEL);
        if (!label.isBlank()) {
            context.setNodeLabelExpression(label.trim());
        }
        context.setResource(amResource(config));
        context.setMaxAppAttempts(config.get(YarnOptions.APPLICATION_ATTEMPTS));
        context.setAttemptFailuresValidityInterval(
                config.get(YarnOptions.ATTEMPT_FAILURES_VALIDITY_INTERVAL).toMillis());
        context.setAMContainerSpec(amContainer);
    }
}
