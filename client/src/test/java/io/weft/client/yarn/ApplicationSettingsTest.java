package io.weft.client.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.config.Configuration;
import io.weft.config.MemoryOptions;
import io.weft.config.MemorySize;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.yarn.YarnLaunchSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.util.Records;
import org.junit.jupiter.api.Test;

class ApplicationSettingsTest {
    private static final Path JAR = Path.of("/jobs/wordcount.jar");

    @Test
    void whenNoNameIsSet_thenTheNameSaysModeAndJar() {
        Configuration config = new Configuration();

        assertThat(ApplicationSettings.name(config, YarnLaunchSpec.Mode.PER_JOB, JAR))
                .isEqualTo("Weft per-job: wordcount.jar");
        assertThat(ApplicationSettings.name(config, YarnLaunchSpec.Mode.APPLICATION, JAR))
                .isEqualTo("Weft application: wordcount.jar");
        assertThat(ApplicationSettings.name(config, YarnLaunchSpec.Mode.SESSION, null)).isEqualTo("Weft session");
    }

    @Test
    void whenNameIsSet_thenItWins() {
        Configuration config = new Configuration().set(YarnOptions.APPLICATION_NAME, "nightly");

        assertThat(ApplicationSettings.name(config, YarnLaunchSpec.Mode.PER_JOB, JAR)).isEqualTo("nightly");
    }

    @Test
    void whenTagsHaveBlanks_thenTheyAreTrimmedAndEmptyOnesDropped() {
        Configuration config = new Configuration().set(YarnOptions.TAGS, " a, b ,,c ");

        assertThat(ApplicationSettings.tags(config)).containsExactly("a", "b", "c");
    }

    @Test
    void whenApplied_thenEveryOptionReachesTheSubmissionContext() {
        Configuration config = new Configuration()
                .set(YarnOptions.APPLICATION_QUEUE, "batch")
                .set(YarnOptions.APPLICATION_TYPE, "WeftTest")
                .set(YarnOptions.TAGS, "nightly,wc")
                .set(YarnOptions.APPLICATION_PRIORITY, 3)
                .set(YarnOptions.APPLICATION_NODE_LABEL, "fast")
                .set(YarnOptions.APPLICATION_ATTEMPTS, 2)
                .set(YarnOptions.ATTEMPT_FAILURES_VALIDITY_INTERVAL, Duration.ofSeconds(30))
                .set(YarnOptions.APPMASTER_VCORES, 2)
                .set(MemoryOptions.JOB_MANAGER_PROCESS_SIZE, MemorySize.parse("1g"));
        ApplicationSubmissionContext context = Records.newRecord(ApplicationSubmissionContext.class);
        ContainerLaunchContext am = ContainerLaunchContext.newInstance(Map.of(), Map.of(), List.of("true"), null, null,
                null);

        ApplicationSettings.apply(context, config, YarnLaunchSpec.Mode.PER_JOB, "wc", am);

        assertThat(context.getApplicationName()).isEqualTo("wc");
        assertThat(context.getApplicationType()).isEqualTo("WeftTest");
        assertThat(context.getQueue()).isEqualTo("batch");
        assertThat(context.getApplicationTags()).isEqualTo(Set.of("nightly", "wc", "weft-mode:per-job"));
        assertThat(context.getPriority().getPriority()).isEqualTo(3);
        assertThat(context.getNodeLabelExpression()).isEqualTo("fast");
        assertThat(context.getMaxAppAttempts()).isEqualTo(2);
        assertThat(context.getAttemptFailuresValidityInterval()).isEqualTo(30_000);
        assertThat(context.getResource().getMemorySize()).isEqualTo(1024);
        assertThat(context.getResource().getVirtualCores()).isEqualTo(2);
        assertThat(context.getAMContainerSpec().getCommands()).containsExactly("true");
    }

    @Test
    void whenNoTagsAreConfigured_thenTheModeTagIsTheOnlyOne() {
        ApplicationSubmissionContext context = Records.newRecord(ApplicationSubmissionContext.class);

        ApplicationSettings.apply(context, new Configuration(), YarnLaunchSpec.Mode.SESSION, "s",
                ContainerLaunchContext.newInstance(Map.of(), Map.of(), List.of("true"), null, null, null));

        assertThat(context.getApplicationTags()).containsExactly("weft-mode:session");
    }
}
