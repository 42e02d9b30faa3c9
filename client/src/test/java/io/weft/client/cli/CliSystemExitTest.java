package io.weft.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.runtime.entrypoint.SystemExitGuard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft run} on the local target with programs that call {@code System.exit}: the call is refused (the CLI's
 * JVM, here the test's, goes on) and judged by the one rule — a code other than 0 fails the run (exit code 1),
 * {@code System.exit(0)} after the job ran is a return (the job's outcome decides), {@code System.exit(0)} before
 * any job means the program defines none (exit code 2).
 */
class CliSystemExitTest {
    private static final String JOB = """
            package demo;
            import io.weft.api.connector.DiscardingSink;
            import io.weft.api.datastream.StreamExecutionEnvironment;
            /** SystemExit WHEN CODE: calls System.exit(CODE) before its job, after it, or in its map function. */
            public class SystemExit {
                public static void main(String[] args) throws Exception {
                    String when = args[0];
                    int code = Integer.parseInt(args[1]);
                    if (when.equals("before")) {
                        System.exit(code);
                    }
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.fromData(1L, 2L, 3L).map(x -> {
                        if (when.equals("in-function")) {
                            System.exit(code);
                        }
                        return x;
                    }).sinkTo(new DiscardingSink<>());
                    env.execute("exiting");
                    System.exit(code);
                }
            }
            """;
    private static final String HOW = "; a Weft program returns from main() after execute(), and throws an exception"
            + " to fail";

    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void buildJarAndGuard() throws IOException {
        assertThat(SystemExitGuard.install()).as("the guard in the test's JVM").isTrue();
        Path classes = TestJars.compile(dir, Map.of("demo.SystemExit", JOB));
        jar = TestJars.jar(classes, dir.resolve("exit.jar"), "demo.SystemExit");
    }

    private static CliResult run(String... programArgs) throws IOException {
        String[] args = new String[programArgs.length + 4];
        args[0] = "run";
        args[1] = "-D";
        args[2] = "restart-strategy.type=none";
        args[3] = jar.toString();
        System.arraycopy(programArgs, 0, args, 4, programArgs.length);
        return CliResult.of(Map.of("WEFT_CONF_DIR", CliResult.confDir(dir.resolve("conf"))), args);
    }

    @Test
    void whenMainExitsNonZeroBeforeItsJob_thenExitOneWithTheLineNamingTheCode() throws IOException {
        CliResult r = run("before", "3");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.errLines()).containsExactly("The program failed: its main() called System.exit(3) instead of "
                + "returning" + HOW);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void whenMainExitsZeroBeforeItsJob_thenExitTwoForAProgramWithoutJob() throws IOException {
        CliResult r = run("before", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).containsExactly("The program's main() called System.exit(0) before execute(), so it"
                + " defines no job: a Weft program returns from main() after execute()");
    }

    @Test
    void whenMainExitsZeroAfterItsJobFinished_thenTheRunSucceeds() throws IOException {
        CliResult r = run("after", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.SUCCESS);
        assertThat(r.outLines()).last().asString().matches("Job [0-9a-f]{32} FINISHED");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void whenMainExitsNonZeroAfterItsJobFinished_thenExitOne() throws IOException {
        CliResult r = run("after", "4");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.outLines()).last().asString().matches("Job [0-9a-f]{32} FINISHED");
        assertThat(r.errLines()).containsExactly("The program failed: its main() called System.exit(4) instead of "
                + "returning" + HOW);
    }

    @Test
    void whenAUserFunctionExits_thenItsTaskFailsAndTheLineNamesItsThread() throws IOException {
        CliResult r = run("in-function", "5");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.outLines()).anyMatch(l -> l.matches("Job [0-9a-f]{32} FAILED"));
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("The program failed: its thread '")
                .contains("called System.exit(5), which Weft refuses");
    }
}
