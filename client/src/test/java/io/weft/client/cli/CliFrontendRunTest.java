package io.weft.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.datastream.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft run} starting programs: what a program sees (arguments, configuration, class loader), and how what
 * its {@code main} does becomes the exit code and the console output. The programs here submit no jobs.
 */
class CliFrontendRunTest {
    private static final String REPORTER = """
            package demo;
            import io.weft.api.datastream.StreamExecutionEnvironment;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.ArrayList;
            import java.util.Arrays;
            import java.util.List;
            /** Writes what it was given to the file named by its first argument. */
            public class Reporter {
                public static void main(String[] args) throws Exception {
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    List<String> lines = new ArrayList<>();
                    lines.add("args=" + String.join("|", Arrays.asList(args).subList(1, args.length)));
                    lines.add("config=" + env.getConfiguration().toMap());
                    lines.add("contextLoader=" + (Thread.currentThread().getContextClassLoader()
                            == Reporter.class.getClassLoader()));
                    Files.write(Path.of(args[0]), lines);
                }
            }
            """;

    @TempDir
    static Path jars;

    private static Path jar;

    @TempDir
    Path work;

    private Map<String, String> env;

    @BeforeAll
    static void buildJar() throws IOException {
        Path classes = TestJars.compile(jars, Map.of(
                "demo.Reporter", REPORTER,
                "demo.Quiet", """
                        package demo;
                        class Quiet {
                            public static void main(String[] args) {
                            }
                        }
                        """,
                "demo.Throws", """
                        package demo;
                        public class Throws {
                            public static void main(String[] args) {
                                throw new IllegalStateException("kaboom");
                            }
                        }
                        """,
                "demo.JobFails", """
                        package demo;
                        import io.weft.api.JobExecutionException;
                        import io.weft.api.JobID;
                        import io.weft.api.JobStatus;
                        public class JobFails {
                            public static void main(String[] args) {
                                JobStatus status = JobStatus.valueOf(args[1]);
                                throw new RuntimeException("execute() failed", new JobExecutionException(
                                        JobID.fromHexString(args[0]), status, "Job " + status,
                                        new RuntimeException("Task 'Map (1/2)' failed",
                                                new IllegalStateException("boom"))));
                            }
                        }
                        """,
                "demo.InvalidInput", """
                        package demo;
                        import io.weft.api.InvalidProgramException;
                        public class InvalidInput {
                            public static void main(String[] args) {
                                throw new InvalidProgramException("Input /nope does not exist: fix --input");
                            }
                        }
                        """,
                "demo.BadArgs", """
                        package demo;
                        import io.weft.api.ProgramArgumentsException;
                        public class BadArgs {
                            public static void main(String[] args) {
                                throw new ProgramArgumentsException("Missing argument --output.",
                                        "Usage: BadArgs --input PATH --output DIR");
                            }
                        }
                        """));
        jar = TestJars.jar(classes, jars.resolve("programs.jar"), "demo.Reporter");
    }

    @BeforeEach
    void emptyConfDir() throws IOException {
        env = Map.of("WEFT_CONF_DIR", CliResult.confDir(work.resolve("conf")));
    }

    @Test
    void programGetsEveryArgumentAfterTheJarUntouched() throws IOException {
        Path report = work.resolve("report.txt");

        CliResult r = CliResult.of(env, "run", jar.toString(), report.toString(), "--input", "in", "-p", "3", "-d",
                "-D", "x=y", "--", "@file", "-", "");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.SUCCESS);
        assertThat(Files.readAllLines(report).get(0)).isEqualTo("args=--input|in|-p|3|-d|-D|x=y|--|@file|-|");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void programSeesTheEffectiveConfigurationAndItsOwnClassLoader() throws IOException {
        Files.writeString(work.resolve("conf/weft-conf.yaml"),
                "taskmanager:\n  numberOfTaskSlots: 3\nparallelism.default: 7\n");
        Path report = work.resolve("report.txt");

        CliResult r = CliResult.of(env, "run", "-p", "4", "-D", "parallelism.default=9", "-Dslot.request.timeout=1 min",
                jar.toString(), report.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.SUCCESS);
        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(1))
                .contains("taskmanager.numberOfTaskSlots=3")
                .contains("parallelism.default=4")
                .contains("slot.request.timeout=1 min")
                .contains("execution.target=local")
                .contains("execution.attached=true");
        assertThat(lines.get(2)).isEqualTo("contextLoader=true");
    }

    @Test
    void contextAndClassLoaderAreResetAfterTheProgram() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        CliResult r = CliResult.of(env, "run", "-p", "5", jar.toString(), work.resolve("r.txt").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.SUCCESS);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration().toMap()).isEmpty();
    }

    @Test
    void entryClassMayBePackagePrivate() {
        CliResult r = CliResult.of(env, "run", "-c", "demo.Quiet", jar.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.SUCCESS);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void whenProgramThrows_thenExitOneWithItsMessage() {
        CliResult r = CliResult.of(env, "run", "-c", "demo.Throws", jar.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.errLines()).containsExactly("The program failed: kaboom");
    }

    @Test
    void whenProgramThrowsAndVerbose_thenStackTraceFollows() {
        CliResult r = CliResult.of(env, "run", "-v", "-c", "demo.Throws", jar.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.errLines().get(0)).isEqualTo("The program failed: kaboom");
        assertThat(r.err()).contains("java.lang.IllegalStateException: kaboom").contains("\tat demo.Throws.main");
    }

    @Test
    void whenJobFailed_thenExitOneWithStatusAndUserCauseOnStdout() {
        String id = "0123456789abcdef0123456789abcdef";

        CliResult r = CliResult.of(env, "run", "-c", "demo.JobFails", jar.toString(), id, "FAILED");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.outLines()).containsExactly("Job " + id + " FAILED", "Cause: boom");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void whenJobCanceled_thenExitOneWithStatus() {
        String id = "fedcba9876543210fedcba9876543210";

        CliResult r = CliResult.of(env, "run", "-c", "demo.JobFails", jar.toString(), id, "CANCELED");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(r.outLines()).containsExactly("Job " + id + " CANCELED");
    }

    @Test
    void whenProgramIsInvalid_thenExitTwoWithItsMessageOnly() {
        CliResult r = CliResult.of(env, "run", "-c", "demo.InvalidInput", jar.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).containsExactly("Input /nope does not exist: fix --input");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void whenProgramRejectsItsArguments_thenExitTwoWithTheLineAndItsUsage() {
        CliResult r = CliResult.of(env, "run", "-c", "demo.BadArgs", jar.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).containsExactly("Missing argument --output.",
                "Usage: BadArgs --input PATH --output DIR");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpPrintsUsageOnStdout() {
        CliResult r = CliResult.of(env, "--help");

        assertThat(r.exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(r.out()).contains("Usage: weft").contains("run");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void runHelpPrintsRunUsageOnStdout() {
        CliResult r = CliResult.of(env, "run", "--help");

        assertThat(r.exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(r.out()).contains("Usage: weft run").contains("-p, --parallelism").contains("JOB.jar")
                .contains("Exit codes:");
        assertThat(r.err()).isEmpty();
    }
}
