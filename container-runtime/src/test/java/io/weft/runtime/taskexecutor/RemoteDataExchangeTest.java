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
import io.weft.runtime.KeyGroupRangeAssignment;
import io.weft.runtime.ResourceID;
import io.weft.runtime.TaskExecutionState;
import io.weft.runtime.network.EmbeddedShuffleEnvironment;
import io.weft.runtime.network.PartitionDirectory;
import io.weft.runtime.network.netty.NettyShuffleEnvironment;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.netty.AuthenticatedChannels;
import io.weft.runtime.testing.CollectingSink;
import io.weft.runtime.testing.NumberSource;
import io.weft.runtime.testing.Poll;
import io.weft.runtime.testing.RecordingJobMaster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two TaskManagers, each with its own Netty shuffle, in one JVM: tasks on one read the partitions of tasks on the
 * other over 127.0.0.1 (and of tasks on their own TaskManager through local channels).
 */
// a safety net only: every wait in these tests is bounded well below it
@Timeout(60)
class RemoteDataExchangeTest {
    private static final int KEYS = 1_000;
    private final ClusterSecret secret = ClusterSecret.generate();
    private final AtomicReference<Throwable> fatalError = new AtomicReference<>();
    private final RecordingJobMaster jobMaster = new RecordingJobMaster();
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();

    @AfterEach
    void tearDown() {
        taskExecutors.forEach(TaskExecutor::close);
        assertThat(fatalError.get()).isNull();
    }

    private TaskExecutor startTaskManager() {
        Configuration config = new Configuration()
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 2)
                .set(TaskManagerOptions.SEGMENT_SIZE, MemorySize.parse("4kb"))
                .set(TaskManagerOptions.NETWORK_MEMORY, MemorySize.parse("2mb"));
        ResourceID id = new ResourceID();
        TaskExecutor te = new TaskExecutor(config, id, NettyShuffleEnvironment.start(config, secret, id),
                fatalError::set);
        taskExecutors.add(te);
        return te;
    }

    private static JobGraph numbersByKey(NumberSource source, int parallelism, CollectingSink<Long> sink) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.fromSource(source, "Numbers").setParallelism(parallelism)
                .keyBy(n -> n % KEYS)
                .sinkTo(sink).setParallelism(parallelism);
        return new JobGraphGenerator().generate(env.getStreamGraph("remote exchange"));
    }

    @Test
    void hashPartitionedStreamBetweenTwoTaskManagersArrivesExactly() throws Exception {
        TaskExecutor a = startTaskManager();
        TaskExecutor b = startTaskManager();
        long n = 200_000;
        CollectingSink<Long> sink = new CollectingSink<>();
        JobGraph graph = numbersByKey(new NumberSource(n), 2, sink);
        // subtask 0 of each vertex on A, subtask 1 on B: every consumer reads one local and one remote channel
        TaskDeployer deployer = new TaskDeployer(graph, (v, subtask) -> subtask == 0 ? a : b);

        List<ExecutionAttemptID> attempts = deployer.deployAll(jobMaster);

        for (ExecutionAttemptID attempt : attempts) {
            TaskExecutionState end = jobMaster.awaitTerminal(attempt);
            assertThat(end.state()).as("%s: %s", attempt, end.error()).isEqualTo(ExecutionState.FINISHED);
        }
        List<Long> all = new ArrayList<>(sink.receivedBy(0));
        all.addAll(sink.receivedBy(1));
        all.sort(null);
        assertThat(all).hasSize((int) n);
        for (int i = 0; i < n; i++) {
            assertThat(all.get(i)).isEqualTo(i);
        }
        JobVertex sinkVertex = graph.vertices().get(1);
        for (int subtask = 0; subtask < 2; subtask++) {
            int s = subtask;
            assertThat(sink.receivedBy(subtask)).as("subtask %d holds only its own keys", subtask)
                    .allSatisfy(v -> assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(
                            sinkVertex.getMaxParallelism(), 2, KeyGroupRangeAssignment.assignToKeyGroup(v % KEYS,
                                    sinkVertex.getMaxParallelism()))).isEqualTo(s));
            TaskExecutionState end = jobMaster.awaitTerminal(deployer.attempt(sinkVertex, subtask));
            assertThat(end.counters()).containsKeys(sinkVertex.getName() + ".busyTimeMs",
                    sinkVertex.getName() + ".idleTimeMs", sinkVertex.getName() + ".backPressuredTimeMs");
        }
        Poll.until(() -> a.availableNetworkBuffers() == b.availableNetworkBuffers()
                && a.availableNetworkBuffers() == 512, "every network buffer returned on both TaskManagers");
    }

    @Test
    void producerTaskManagerClosedMidStreamFailsTheConsumerNamingItsAddress() throws Exception {
        TaskExecutor a = startTaskManager();
        TaskExecutor b = startTaskManager();
        CollectingSink<Long> sink = new CollectingSink<>();
        JobGraph graph = numbersByKey(NumberSource.endless(), 1, sink);
        JobVertex source = graph.vertices().get(0);
        TaskDeployer deployer = new TaskDeployer(graph, (v, subtask) -> v == source ? a : b);
        deployer.deployAll(jobMaster);
        Poll.until(() -> sink.count() > 10_000, "records flow from A to B");
        String address = AuthenticatedChannels.describe(a.dataAddress());

        a.close();

        TaskExecutionState end = jobMaster.awaitTerminal(deployer.attempt(graph.vertices().get(1), 0));
        assertThat(end.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(end.error().message()).contains("TaskManager at " + address + " lost");
        assertThat(jobMaster.awaitTerminal(deployer.attempt(source, 0)).state()).isEqualTo(ExecutionState.CANCELED);
    }

    @Test
    void taskExecutorExposesItsDataAddressAndChecksTheShufflesResourceId() {
        TaskExecutor remote = startTaskManager();
        assertThat(remote.dataAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(remote.dataAddress().getPort()).isPositive();

        Configuration config = new Configuration();
        ResourceID id = new ResourceID();
        TaskExecutor embedded = new TaskExecutor(config, id,
                new EmbeddedShuffleEnvironment(config, new PartitionDirectory(), id), fatalError::set);
        taskExecutors.add(embedded);
        assertThat(embedded.getResourceId()).isEqualTo(id);
        assertThat(embedded.dataAddress()).isNull();

        assertThatThrownBy(() -> new TaskExecutor(config, new ResourceID(),
                new EmbeddedShuffleEnvironment(config, new PartitionDirectory(), id), fatalError::set))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id.toString());
    }
}
