package io.weft.client.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.util.Records;
import org.junit.jupiter.api.Test;

class ApplicationReportsTest {
    @Test
    void whenDiagnosticsSpanLines_thenTheyBecomeOneLine() {
        assertThat(ApplicationReports.oneLine("AM container exited\n  with code 1\n\nLast 4096 bytes:\tboom\n"))
                .isEqualTo("AM container exited with code 1 Last 4096 bytes: boom");
        assertThat(ApplicationReports.oneLine(null)).isEqualTo("no diagnostics");
        assertThat(ApplicationReports.oneLine("x".repeat(5000))).hasSize(2002).endsWith(" …");
    }

    @Test
    void whenRunningWithAnRpcPort_thenThatIsTheRestAddress() {
        ApplicationReport report = Records.newRecord(ApplicationReport.class);
        report.setYarnApplicationState(YarnApplicationState.RUNNING);
        report.setHost("node-1");
        report.setRpcPort(-1);
        assertThat(ApplicationReports.restAddress(report)).isNull();

        report.setRpcPort(40123);
        assertThat(ApplicationReports.restAddress(report)).isEqualTo("node-1:40123");

        report.setYarnApplicationState(YarnApplicationState.FINISHED);
        assertThat(ApplicationReports.restAddress(report)).isNull();
        assertThat(ApplicationReports.hasEnded(report)).isTrue();
    }

    @Test
    void whenTheAmContainerExited52_thenTheDiagnosticsSayWhatToRaise() {
        ApplicationReport report = Records.newRecord(ApplicationReport.class);
        report.setDiagnostics("Application failed 1 times due to AM Container for appattempt_1_0001_000001 exited"
                + " with  exitCode: 52\nFailing this attempt.");
        assertThat(ApplicationReports.diagnostics(report))
                .startsWith("The ApplicationMaster ran out of heap memory: raise jobmanager.memory.process.size. ")
                .endsWith("exitCode: 52 Failing this attempt.");
        report.setDiagnostics("AM Container exited with exitCode: 520");
        assertThat(ApplicationReports.diagnostics(report)).isEqualTo("AM Container exited with exitCode: 520");
    }

    @Test
    void whenTaggedWithAMode_thenThatIsTheWeftMode() {
        ApplicationReport report = Records.newRecord(ApplicationReport.class);
        assertThat(ApplicationReports.weftMode(report)).isEmpty();

        report.setApplicationTags(Set.of("nightly", "weft-mode:per-job"));
        assertThat(ApplicationReports.weftMode(report)).hasValue("per-job");
    }
}
