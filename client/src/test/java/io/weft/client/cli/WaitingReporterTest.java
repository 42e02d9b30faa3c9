package io.weft.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WaitingReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsWhenWhatTheJobWaitsForChanges_andEveryHalfMinuteWhileItDoesNot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        WaitingReporter reporter = new WaitingReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock::get);
        reporter.update(details(null));
        reporter.update(details("4 slots (0 free, 0 in all; 2 requested), for 0 s"));
        clock.addAndGet(1_000_000_000L);
        reporter.update(details("4 slots (0 free, 0 in all; 2 requested), for 1 s"));
        reporter.update(details("4 slots (2 free, 2 in all; 1 requested), for 1 s"));
        clock.addAndGet(WaitingReporter.REPEAT.toNanos());
        reporter.update(details("4 slots (2 free, 2 in all; 1 requested), for 31 s"));
        reporter.update(details(null));
        reporter.update(details("4 slots (2 free, 2 in all; 1 requested), for 32 s"));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Waiting for 4 slots (0 free, 0 in all; 2 requested), for 0 s",
                "Waiting for 4 slots (2 free, 2 in all; 1 requested), for 1 s",
                "Waiting for 4 slots (2 free, 2 in all; 1 requested), for 31 s",
                "Waiting for 4 slots (2 free, 2 in all; 1 requested), for 32 s");
    }

    private static ObjectNode details(String waitingFor) {
        ObjectNode node = JSON.createObjectNode().put("state", "RUNNING");
        return waitingFor == null ? node : node.put("waiting-for", waitingFor);
    }
}
