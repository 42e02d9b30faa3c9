package io.weft.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real jobs through {@code weft run} on the embedded cluster: a job whose user function throws ends FAILED with
 * exit code 1 and the user's message; a job that works ends FINISHED with exit code 0.
 */
class CliEndToEndTest {
    private static final String JOB = """
            package demo;
            import io.weft.api.connector.Sink;
            import io.weft.api.connector.SinkContext;
            import io.weft.api.connector.SinkWriter;
            import io.weft.api.datastream.StreamExecutionEnvironment;
            import java.util.ArrayList;
            import java.util.List;
            /** Maps 0..9999 through a function that throws on the number given as first argument. */
            public class Job {
                public static void main(String[] args) throws Exception {
                    long poison = Long.parseLong(args[0]);
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    List<Long> numbers = new ArrayList<>();
                    for (long i = 0; i < 10_000; i++) {
                        numbers.add(i);
                    }
                    env.fromData(numbers).rebalance().map(x -> {
                        if (x == poison) {
                            throw new IllegalArgumentException("cannot digest number " + x);
                        }
                        return x;
                    }).setParallelism(2).sinkTo(new Sink<Long>() {
                        @Override
                        public SinkWriter<Long> createWriter(SinkContext context) {
                            return new SinkWriter<>() {
                                public void write(Long record) { }
                                public void finish() { }
                                public void close() { }
                            };
                        }
                    });
                    env.execute("poisoned");
                }
            }
            """;

    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void buildJar() throws IOException {
        Path classes = TestJars.compile(dir, Map.of("demo.Job", JOB));
        jar = TestJars.jar(classes, dir.resolve("job.jar"), "demo.Job");
    }

    private static Map<String, String> env() throws IOException {
        return Map.of("WEFT_CONF_DIR", CliResult.confDir(dir.resolve("conf")));
    }

    @Test
    void whenAUserFunctionThrows_thenJobFailedExitOneAndTheUsersMessage() throws IOException {
        CliResult r = CliResult.of(env(), "run", jar.toString(), "4242");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.outLines()).hasSize(3);
        assertThat(r.outLines().get(0)).matches("Job [0-9a-f]{32} submitted");
        assertThat(r.outLines().get(1)).matches("Job [0-9a-f]{32} FAILED");
        assertThat(r.outLines().get(2)).isEqualTo("Cause: cannot digest number 4242");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void whenTheJobWorks_thenFinishedAndExitZero() throws IOException {
        CliResult r = CliResult.of(env(), "run", "-p", "3", jar.toString(), "-1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines().get(1)).matches("Job [0-9a-f]{32} FINISHED");
    }
}
