package io.weft.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobID;
import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import io.weft.config.TaskManagerOptions;
import io.weft.runtime.AllocationID;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.JobVertexID;
import io.weft.runtime.messages.Acknowledge;
import io.weft.runtime.messages.AllocateSlot;
import io.weft.runtime.messages.CancelTask;
import io.weft.runtime.messages.TriggerCheckpoint;
import io.weft.runtime.messages.ProgramDescriptor;
import io.weft.runtime.messages.RegisterTaskManager;
import io.weft.runtime.messages.SubmitTask;
import io.weft.runtime.messages.TaskStateUpdate;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.testing.ScriptedJobManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager process's runner against a JobManager played by the test over real RPC: deployments are taken at
 * once and start when the job's code is loaded; a failure to load the code is the task's FAILED report; a cancel
 * that arrives while the code is loading ends the attempt as CANCELED without starting it.
 */
class TaskManagerRunnerTest {
    private static final Duration ASK = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private ScriptedJobManager jobManager;
    private TaskManagerRunner taskManager;
    private RpcConnection toTaskManager;

    @BeforeEach
    void start() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        jobManager = new ScriptedJobManager(secret, "not a jar".getBytes(StandardCharsets.US_ASCII));
        Configuration config = new Configuration()
                .set(ClusterOptions.JOB_MANAGER_RPC_ADDRESS, "127.0.0.1")
                .set(ClusterOptions.JOB_MANAGER_RPC_PORT, jobManager.port())
                .set(ClusterOptions.BLOB_STORAGE_DIRECTORY, dir.toString())
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        taskManager = new TaskManagerRunner(config, secret, fatal::set);
        RegisterTaskManager registration = jobManager.awaitRegistration();
        toTaskManager = jobManager.connectTo(registration);
    }

    @AfterEach
    void stop() {
        if (taskManager != null) {
            taskManager.close();
        }
        if (jobManager != null) {
            jobManager.close();
        }
        assertThat(fatal.get()).isNull();
    }

    private SubmitTask deploy(JobID job, ExecutionAttemptID attempt) {
        AllocationID allocation = new AllocationID();
        toTaskManager.ask(new AllocateSlot(0, job.toString(), allocation.toString()), Acknowledge.class, ASK).join();
        SubmitTask submit = new SubmitTask(job.toString(), new ProgramDescriptor(job.toString(), "some.Main",
                List.of(), Map.of()), new JobVertexID().toString(), 0, 0, attempt.toString(), allocation.toString(),
                List.of(), List.of());
        toTaskManager.ask(submit, Acknowledge.class, ASK).join();
        return submit;
    }

    @Test
    void aDeploymentIsAcknowledgedAtOnceAndACodeLoadingFailureIsReportedAsFailed() throws Exception {
        ExecutionAttemptID attempt = new ExecutionAttemptID();
        deploy(JobID.generate(), attempt);
        // acknowledged although the jar has not even been fetched yet
        assertThat(jobManager.nextReport(Duration.ofMillis(300))).isNull();
        jobManager.releaseBlob();
        TaskStateUpdate report = jobManager.nextReport(Duration.ofSeconds(20));
        assertThat(report).isNotNull();
        assertThat(report.getAttemptId()).isEqualTo(attempt.toString());
        assertThat(report.getState()).isEqualTo("FAILED");
        assertThat(report.getFailure().getMessage()).contains("some.Main");
        assertThat(report.getFailure().getStackTrace()).contains("Entry class some.Main");
    }

    @Test
    void aCancelWhileTheCodeLoadsEndsTheAttemptAsCanceledWithoutStartingIt() throws Exception {
        ExecutionAttemptID attempt = new ExecutionAttemptID();
        deploy(JobID.generate(), attempt);
        toTaskManager.ask(new CancelTask(attempt.toString()), Acknowledge.class, ASK).join();
        jobManager.releaseBlob();
        TaskStateUpdate report = jobManager.nextReport(Duration.ofSeconds(20));
        assertThat(report).isNotNull();
        assertThat(report.getAttemptId()).isEqualTo(attempt.toString());
        assertThat(report.getState()).isEqualTo("CANCELED");
        assertThat(jobManager.nextReport(Duration.ofMillis(500))).as("nothing after CANCELED").isNull();
    }

    @Test
    void aCheckpointTriggerForAnAttemptTheTaskManagerDoesNotRunIsAnErrorNamingIt() {
        ExecutionAttemptID attempt = new ExecutionAttemptID();
        assertThatThrownBy(() -> toTaskManager.ask(new TriggerCheckpoint(attempt.toString(), 7L, 0L, "CHECKPOINT",
                "ALIGNED", 0L, ""), Acknowledge.class, ASK).join())
                .hasMessageContaining("runs no task attempt " + attempt + " to trigger checkpoint 7 at");
    }
}
