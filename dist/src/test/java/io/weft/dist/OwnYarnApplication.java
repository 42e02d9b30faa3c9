package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;

/**
 * A YARN application of a bad-input case's own in the sandbox, that is no Weft session: its ApplicationMaster is a
 * {@code sleep} that never registers, with the type and tags the case chooses. Its id is kept in the case's
 * directory ({@value #ID_FILE}); {@link #kill} ends it in a cleanup step. Stateless.
 */
final class OwnYarnApplication {
    static final String ID_FILE = "own-application.id";
    private static final Set<YarnApplicationState> ENDED = EnumSet.of(YarnApplicationState.FINISHED,
            YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private OwnYarnApplication() {
    }

    /** Submits the application (a given step); it keeps running until {@link #kill}. */
    static void submit(BadInputContext c, String type, Set<String> tags) throws Exception {
        try (YarnClient yarn = c.yarn()) {
            ApplicationSubmissionContext context = yarn.createApplication().getApplicationSubmissionContext();
            context.setApplicationName("bad-input " + type);
            context.setApplicationType(type);
            context.setApplicationTags(tags);
            context.setMaxAppAttempts(1);
            context.setResource(Resource.newInstance(128, 1));
            context.setAMContainerSpec(ContainerLaunchContext.newInstance(Map.of(), Map.of(),
                    List.of("sleep 300"), null, null, null));
            yarn.submitApplication(context);
            c.write(ID_FILE, context.getApplicationId().toString());
        }
    }

    /** Submits the application and kills it at once, leaving an application that has ended KILLED. */
    static void submitKilled(BadInputContext c) throws Exception {
        submit(c, "Weft", Set.of("weft-mode:session"));
        kill(c);
    }

    static String id(BadInputContext c) throws Exception {
        return Files.readString(c.dir().resolve(ID_FILE)).strip();
    }

    /** Fails unless the application still runs (or waits to): the command did not end it. */
    static void assertNotEnded(BadInputContext c) throws Exception {
        try (YarnClient yarn = c.yarn()) {
            assertThat(yarn.getApplicationReport(ApplicationId.fromString(id(c))).getYarnApplicationState())
                    .as("the state of the case's own application %s", id(c)).isNotIn(ENDED);
        }
    }

    /** Kills the application, if it was submitted, and waits (bounded) until YARN reports it ended. */
    static void kill(BadInputContext c) throws Exception {
        if (!Files.exists(c.dir().resolve(ID_FILE))) {
            return;
        }
        ApplicationId id = ApplicationId.fromString(id(c));
        try (YarnClient yarn = c.yarn()) {
            yarn.killApplication(id);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!ENDED.contains(yarn.getApplicationReport(id).getYarnApplicationState())) {
                assertThat(System.nanoTime()).as("%s ended within 30 s of its kill", id).isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }
}
