package io.weft.client.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobExecutionException;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.api.RuntimeExecutionMode;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.api.functions.MapFunction;
import io.weft.api.functions.RichFunction;
import io.weft.api.functions.RuntimeContext;
import io.weft.config.Configuration;
import io.weft.config.LocalOptions;
import io.weft.config.RestartStrategyOptions;
import io.weft.config.TaskManagerOptions;
import io.weft.graph.JobGraph;
import io.weft.graph.JobGraphGenerator;
import io.weft.jobmanager.JobDetails;
import io.weft.jobmanager.JobResult;
import io.weft.runtime.ExecutionState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {
    @Test
    void seedPipelineRunsInFourSlotsOfTwoTaskManagersWithThreeSlots() throws Exception {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_TASK_SLOTS, 3);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.fromSource(TestSources.longs(Long.MAX_VALUE), "Source").setParallelism(4)
                .map(x -> x * 2).name("Map").setParallelism(4)
                .keyBy(x -> x % 10).reduce(Long::sum).name("Reduce").setParallelism(3)
                .sinkTo(new CollectSink<>()).setParallelism(3);
        JobGraph graph = new JobGraphGenerator().generate(env.getStreamGraph("seed"));
        assertThat(graph.vertices()).hasSize(2);
        try (EmbeddedCluster cluster = new EmbeddedCluster(2, conf)) {
            JobID id = cluster.dispatcher().submitJob(graph, getClass().getClassLoader()).get();
            JobDetails details = awaitAllRunning(cluster, id);
            Set<String> slots = new HashSet<>();
            for (JobDetails.Vertex v : details.vertices()) {
                for (JobDetails.Subtask s : v.subtasks()) {
                    slots.add(s.taskManager() + "/" + s.slot());
                }
            }
            assertThat(slots).hasSize(4);
            assertThat(details.vertices().get(0).name()).isEqualTo("Source -> Map");
            assertThat(details.vertices().get(1).parallelism()).isEqualTo(3);
            assertThat(cluster.resourceManager().taskManagerInfos().get())
                    .extracting(i -> i.freeSlots()).containsExactlyInAnyOrder(0, 2);
            cluster.dispatcher().cancelJob(id).get();
            JobResult result = cluster.dispatcher().requestJobResult(id).get(30, TimeUnit.SECONDS);
            assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
            assertThat(cluster.resourceManager().taskManagerInfos().get())
                    .extracting(i -> i.freeSlots()).containsExactly(3, 3);
        }
    }

    private static JobDetails awaitAllRunning(EmbeddedCluster cluster, JobID id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JobDetails d = cluster.dispatcher().requestJobDetails(id).get();
            boolean all = d.vertices().stream().flatMap(v -> v.subtasks().stream())
                    .allMatch(s -> s.state() == ExecutionState.RUNNING);
            if (all || System.nanoTime() > deadline) {
                assertThat(all).as("all subtasks RUNNING: %s", d).isTrue();
                return d;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void userExceptionFailsTheJobWithItsMessage() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        env.fromSource(TestSources.longs(10_000), "Source")
                .map(x -> {
                    if (x == 4321) {
                        throw new IllegalStateException("record 4321 is cursed");
                    }
                    return x;
                })
                .sinkTo(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("failing"))
                .isInstanceOf(JobExecutionException.class)
                .satisfies(e -> assertThat(((JobExecutionException) e).getStatus()).isEqualTo(JobStatus.FAILED))
                .hasRootCauseMessage("record 4321 is cursed");
    }

    @Test
    void transientFailureIsCuredByARestartAndTheOutputIsExact() throws Exception {
        Configuration conf = new Configuration()
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 3)
                .set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(10));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(3).setRuntimeMode(RuntimeExecutionMode.BATCH);
        CollectSink<Long> sink = new CollectSink<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        env.fromSource(TestSources.longs(30_000), "Source")
                .map(new FailingOnceMapper(failuresLeft))
                .keyBy(x -> x % 7).reduce(Long::sum)
                .sinkTo(sink);
        var result = env.execute("restarting");
        assertThat(result.getJobStatus()).isEqualTo(JobStatus.FINISHED);
        assertThat(failuresLeft.get()).isZero();
        long[] expected = new long[7];
        LongStream.range(0, 30_000).forEach(x -> expected[(int) (x % 7)] += x);
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(
                LongStream.of(expected).boxed().toList());
    }

    /** Throws in its first attempts while failures are left (shared across copies through the counter). */
    static final class FailingOnceMapper implements MapFunction<Long, Long>, RichFunction {
        private final AtomicInteger failuresLeft;
        private int attempt;

        FailingOnceMapper(AtomicInteger failuresLeft) {
            this.failuresLeft = failuresLeft;
        }

        @Override
        public void open(RuntimeContext context) {
            attempt = context.getAttemptNumber();
        }

        @Override
        public Long map(Long value) {
            if (value == 20_000 && attempt < 2 && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("transient failure in attempt " + attempt);
            }
            return value;
        }
    }

    @Test
    void whenATaskManagerIsLost_thenTheJobRestartsOnTheRemainingOneWithExactOutput() throws Exception {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_TASK_SLOTS, 2)
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 2)
                .set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(10))
                .set(io.weft.config.CoreOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(TestSources.slowLongs(40_000), "Source").setParallelism(2)
                .keyBy(x -> x % 5).reduce(Long::sum).setParallelism(2)
                .sinkTo(sink).setParallelism(2);
        JobGraph graph = new JobGraphGenerator().generate(env.getStreamGraph("lose a TaskManager"));
        try (EmbeddedCluster cluster = new EmbeddedCluster(2, conf)) {
            JobID id = cluster.dispatcher().submitJob(graph, getClass().getClassLoader()).get();
            JobDetails details = awaitAllRunning(cluster, id);
            String victim = details.vertices().get(0).subtasks().get(0).taskManager();
            var te = cluster.taskExecutors().stream().filter(t -> t.getResourceId().toString().equals(victim))
                    .findFirst().orElseThrow();
            cluster.resourceManager().taskManagerLost(te.getResourceId(), "killed by the test");
            te.close();
            JobResult result = cluster.dispatcher().requestJobResult(id).get(60, TimeUnit.SECONDS);
            assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        }
        long[] expected = new long[5];
        LongStream.range(0, 40_000).forEach(x -> expected[(int) (x % 5)] += x);
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(LongStream.of(expected).boxed().toList());
    }

    @Test
    void jobNeedingMoreSlotsThanTheClusterHasFailsWithTheCapacityNamed() {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_TASK_SLOTS, 1)
                .set(LocalOptions.NUM_TASK_MANAGERS, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(3);
        env.fromSource(TestSources.longs(10), "Source").sinkTo(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("too big"))
                .isInstanceOf(JobExecutionException.class)
                .rootCause().hasMessageContaining("needs 3 slots").hasMessageContaining("2 TaskManagers x 1 slot");
    }

    @Test
    void everyRecordOfAStreamingPipelineArrivesOnceThroughAllPartitioners() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        CollectSink<Long> sink = new CollectSink<>();
        var a = env.fromSource(TestSources.longs(50_000), "A").setParallelism(2);
        var b = env.fromSource(TestSources.longs(1_000), "B").setParallelism(1).map(x -> -x - 1);
        a.union(b).rebalance().map(x -> x).setParallelism(3).keyBy(x -> x).map(x -> x).setParallelism(4)
                .sinkTo(sink).setParallelism(4);
        env.execute("shuffle");
        List<Long> out = sink.results();
        assertThat(out).hasSize(51_000).doesNotHaveDuplicates();
    }
}
