package io.weft.jobmanager.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.InvalidProgramException;
import io.weft.api.ProgramFailedException;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.config.Configuration;
import io.weft.config.TaskManagerOptions;
import io.weft.jobmanager.JobResult;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.resourcemanager.FixedResourceDriver;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.runtime.network.PartitionDirectory;
import io.weft.runtime.taskexecutor.TaskExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An uploaded jar becomes a job on the cluster: its main() runs in plan-capture mode on the JobManager. */
class PlanCaptureJarRunnerTest {
    private static final String PROGRAM = """
            package demo;
            import io.weft.api.datastream.StreamExecutionEnvironment;
            public class Counts {
                public static void main(String[] args) throws Exception {
                    if (args.length > 0 && args[0].equals("fail")) {
                        throw new IllegalArgumentException("usage: Counts [fail]");
                    }
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    boolean boom = args.length > 0 && args[0].equals("boom");
                    env.fromData(1L, 2L, 3L, 4L).rebalance().map(x -> {
                                if (boom) {
                                    throw new IllegalStateException("boom in the map");
                                }
                                return x * 10;
                            })
                            .keyBy(x -> x % 2).reduce(Long::sum)
                            .sinkTo(new io.weft.api.connector.DiscardingSink<>());
                    env.execute("counts");
                }
            }
            """;
    @TempDir
    static Path dir;
    private static Path jar;
    private ResourceManager rm;
    private Dispatcher dispatcher;
    private TaskExecutor te;
    private PlanCaptureJarRunner runner;

    @BeforeAll
    static void buildJar() throws IOException, URISyntaxException {
        Path src = Files.createDirectories(dir.resolve("src/demo"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(src.resolve("Counts.java"), PROGRAM);
        String cp = System.getProperty("java.class.path");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", cp, "-d", classes.toString(),
                src.resolve("Counts.java").toString())).isZero();
        jar = dir.resolve("counts.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.Counts");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("demo/Counts.class"));
            j.write(Files.readAllBytes(classes.resolve("demo/Counts.class")));
            j.closeEntry();
        }
    }

    @BeforeEach
    void startCluster() {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_TASK_SLOTS, 4);
        rm = new ResourceManager(new FixedResourceDriver(1, 4), t -> { });
        dispatcher = new Dispatcher(rm, t -> { });
        te = new TaskExecutor(conf, new PartitionDirectory(), t -> { });
        te.start(rm).join();
        runner = new PlanCaptureJarRunner(dispatcher, new Configuration());
    }

    @AfterEach
    void stopCluster() {
        runner.close();
        dispatcher.close();
        te.close();
        rm.close();
    }

    @Test
    void theJarsProgramRunsAsAJobWithTheGivenParallelism() throws Exception {
        JobID id = runner.run(jar, null, List.of(), 2, Map.of()).get(30, TimeUnit.SECONDS);
        JobResult result = dispatcher.requestJobResult(id).get(30, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(result.jobName()).isEqualTo("counts");
        assertThat(result.counters()).containsEntry("Map.numRecordsIn", 4L);
    }

    @Test
    void theRunsJobSettingsApplyToThatJobOnly() throws Exception {
        JobID once = runner.run(jar, null, List.of("boom"), null, Map.of("restart-strategy.type", "none"))
                .get(30, TimeUnit.SECONDS);
        assertThat(dispatcher.requestJobResult(once).get(30, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.FAILED);
        JobID byDefault = runner.run(jar, null, List.of("boom"), null, Map.of()).get(30, TimeUnit.SECONDS);
        assertThat(dispatcher.requestJobResult(byDefault).get(60, TimeUnit.SECONDS).status())
                .isEqualTo(JobStatus.FAILED);

        // no restart for the job that said none; the default's 3 restarts for the next one, on the same cluster
        assertThat(failedAttempts(once)).isEqualTo(1);
        assertThat(failedAttempts(byDefault)).isEqualTo(4);
    }

    /** The attempts of the job's map that failed with "boom in the map". */
    private long failedAttempts(JobID id) throws Exception {
        return dispatcher.requestJobExceptions(id).get(30, TimeUnit.SECONDS).attemptFailures().stream()
                .filter(f -> f.error().message().contains("boom in the map")).count();
    }

    @Test
    void aMissingEntryClassIsAnInvalidProgram() {
        assertThatThrownBy(() -> runner.run(jar, "demo.Nope", List.of(), null, Map.of()).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("demo.Nope");
    }

    @Test
    void aProgramFailingBeforeExecuteIsAFailedProgramWithItsMessage() {
        assertThatThrownBy(() -> runner.run(jar, null, List.of("fail"), null, Map.of()).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ProgramFailedException.class)
                .hasMessageContaining("usage: Counts [fail]");
    }
}
