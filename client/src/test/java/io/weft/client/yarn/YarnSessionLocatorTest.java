package io.weft.client.yarn;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.IllegalConfigurationException;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.util.Records;
import org.junit.jupiter.api.Test;

/** Only an application tagged as a Weft session is taken for one; anything else is refused saying what it is. */
class YarnSessionLocatorTest {
    @Test
    void whenTaggedAsASession_thenItIsOne() {
        assertThatCode(() -> YarnSessionLocator.requireSession(report("Weft", Set.of("weft-mode:session"))))
                .doesNotThrowAnyException();
    }

    @Test
    void whenAWeftApplicationOfAnotherMode_thenItIsRefusedNamingItsMode() {
        assertThatThrownBy(() -> YarnSessionLocator.requireSession(report("Weft", Set.of("weft-mode:per-job"))))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("application_1700000000000_0007 is a Weft per-job application, not a Weft session:"
                        + " nothing was stopped; give the id of a session ('yarn application -list -appTags"
                        + " weft-mode:session'), or stop this application with 'yarn application -kill"
                        + " application_1700000000000_0007'");
    }

    @Test
    void whenNoWeftApplication_thenItIsRefusedNamingItsType() {
        assertThatThrownBy(() -> YarnSessionLocator.requireSession(report("MAPREDUCE", Set.of("weft-session"))))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageStartingWith("application_1700000000000_0007 is a YARN application of type 'MAPREDUCE'"
                        + " (word count), not a Weft session: nothing was stopped");
    }

    private static ApplicationReport report(String type, Set<String> tags) {
        ApplicationReport report = Records.newRecord(ApplicationReport.class);
        report.setApplicationId(ApplicationId.newInstance(1_700_000_000_000L, 7));
        report.setApplicationType(type);
        report.setName("word count");
        report.setApplicationTags(tags);
        return report;
    }
}
