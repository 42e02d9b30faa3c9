package io.weft.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.config.Configuration;
import io.weft.config.MemorySize;
import io.weft.config.TaskManagerOptions;
import io.weft.graph.JobGraph;
import io.weft.graph.JobGraphGenerator;
import io.weft.graph.JobVertex;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.ExecutionState;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.network.PartitionDirectory;
import io.weft.runtime.network.RuntimeEvent.CheckpointBarrier;
import io.weft.runtime.tasks.Task;
import io.weft.runtime.testing.BlockingSink;
import io.weft.runtime.testing.NumberSource;
import io.weft.runtime.testing.RecordingJobMaster;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A source whose consumer does not read has filled every buffer it may hold: it waits for output in its mailbox
 * loop, so a checkpoint trigger — a mail — still runs and its barrier is emitted at once.
 */
@Timeout(60)
class CheckpointTriggerUnderBackpressureTest {
    private final AtomicReference<Throwable> fatalError = new AtomicReference<>();
    private final RecordingJobMaster jobMaster = new RecordingJobMaster();
    private TaskExecutor taskExecutor;

    @AfterEach
    void tearDown() {
        if (taskExecutor != null) {
            taskExecutor.close();
        }
        assertThat(fatalError.get()).isNull();
    }

    @Test
    void aBackpressuredSourceEmitsTheBarrierOfATriggerAtOnce_andATaskWithInputsRefusesTriggers() throws Exception {
        Configuration config = new Configuration()
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 2)
                .set(TaskManagerOptions.SEGMENT_SIZE, MemorySize.parse("4kb"))
                .set(TaskManagerOptions.NETWORK_MEMORY, MemorySize.parse("1mb"));
        taskExecutor = new TaskExecutor(config, new PartitionDirectory(), fatalError::set);
        BlockingSink<Long> sink = new BlockingSink<>();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.fromSource(NumberSource.endless(), "Numbers").setParallelism(1)
                .keyBy(n -> n % 7)
                .sinkTo(sink).setParallelism(1);
        JobGraph graph = new JobGraphGenerator().generate(env.getStreamGraph("backpressured"));
        TaskDeployer deployer = new TaskDeployer(graph, (v, subtask) -> taskExecutor);
        deployer.deployAll(jobMaster);
        JobVertex sourceVertex = graph.vertices().get(0);
        JobVertex sinkVertex = graph.vertices().get(1);
        assertThat(sink.awaitBlocking(30)).as("the sink blocks on its first record").isTrue();
        Task source = task(deployer.attempt(sourceVertex, 0));
        // the source runs until its partition holds all the buffers it may: then it is backpressured
        Thread.sleep(500);

        CompletableFuture<Void> emitted = taskExecutor.triggerCheckpoint(source.attemptId(), 1,
                System.currentTimeMillis(), CheckpointOptions.alignedCheckpoint());
        emitted.get(10, TimeUnit.SECONDS);
        ExecutionAttemptID unknown = new ExecutionAttemptID();
        assertThatThrownBy(() -> taskExecutor.triggerCheckpoint(unknown, 2, 0, CheckpointOptions.alignedCheckpoint())
                .get(10, TimeUnit.SECONDS)).hasMessageContaining("runs no task attempt " + unknown
                + " to trigger checkpoint 2 at");

        CompletableFuture<Void> refused = task(deployer.attempt(sinkVertex, 0)).triggerCheckpoint(
                new CheckpointBarrier(2, 0, CheckpointOptions.alignedCheckpoint()));
        assertThat(refused).isCompletedExceptionally();
        assertThat(source.state()).isEqualTo(ExecutionState.RUNNING);

        taskExecutor.cancelTask(deployer.attempt(sourceVertex, 0)).join();
        taskExecutor.cancelTask(deployer.attempt(sinkVertex, 0)).join();
        sink.release();
        assertThat(jobMaster.awaitTerminal(deployer.attempt(sourceVertex, 0)).state())
                .isEqualTo(ExecutionState.CANCELED);
        assertThat(source.triggerCheckpoint(new CheckpointBarrier(3, 0, CheckpointOptions.alignedCheckpoint())))
                .as("an ended task").isCompletedExceptionally();
    }

    private Task task(ExecutionAttemptID attempt) {
        return taskExecutor.runningTasks().join().stream().filter(t -> t.attemptId().equals(attempt)).findFirst()
                .orElseThrow(() -> new AssertionError("no running task " + attempt));
    }
}
