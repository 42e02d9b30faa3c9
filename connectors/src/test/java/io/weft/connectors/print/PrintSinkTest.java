package io.weft.connectors.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.connector.SinkWriter;
import io.weft.connectors.testing.SinkDriver;
import io.weft.connectors.testing.TestSinkContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrintSinkTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void redirect() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void parallelismOne_printsPlainLines() throws Exception {
        SinkDriver.runSuccessful(new PrintSink<>(), new TestSinkContext(0, 1, 0), Arrays.asList("a", 1, null));
        assertThat(lines(out)).containsExactly("a", "1", "null");
    }

    @Test
    void higherParallelism_prefixesTheSubtaskNumberFromOne() throws Exception {
        SinkDriver.runSuccessful(new PrintSink<>(), new TestSinkContext(1, 3, 0), List.of("x"));
        assertThat(lines(out)).containsExactly("2> x");
    }

    @Test
    void toStdErr_printsToTheErrorStream() throws Exception {
        SinkDriver.runSuccessful(new PrintSink<String>().toStdErr(), new TestSinkContext(0, 1, 0), List.of("e"));
        assertThat(lines(err)).containsExactly("e");
        assertThat(out.size()).isZero();
    }

    @Test
    void concurrentSubtasks_neverInterleaveWithinALine() throws Exception {
        PrintSink<String> sink = new PrintSink<>();
        String payload = "p".repeat(200);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            SinkWriter<String> writer = sink.createWriter(new TestSinkContext(s, 4, 0));
            threads.add(new Thread(() -> {
                try (writer) {
                    for (int i = 0; i < 500; i++) {
                        writer.write(payload);
                    }
                    writer.finish();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        List<String> lines = lines(out);
        assertThat(lines).hasSize(2000);
        assertThat(lines).allMatch(l -> l.matches("[1-4]> " + payload));
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
