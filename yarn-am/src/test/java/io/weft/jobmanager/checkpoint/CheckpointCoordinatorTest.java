package io.weft.jobmanager.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.config.Configuration;
import io.weft.runtime.checkpoint.AlignmentType;
import io.weft.runtime.checkpoint.CheckpointType;
import io.weft.runtime.checkpoint.OperatorSubtaskState;
import io.weft.runtime.checkpoint.TaskStateSnapshot;
import io.weft.runtime.rpc.MainThreadExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckpointCoordinatorTest {
    private final EventLog log = new EventLog();
    private final InMemoryCheckpointStorage storage = new InMemoryCheckpointStorage(log);
    private final RecordingCheckpointTasks tasks = new RecordingCheckpointTasks(log);
    private final MainThreadExecutor main = new MainThreadExecutor("coordinator-test", t -> { });
    private final List<Throwable> jobFailures = new CopyOnWriteArrayList<>();
    private final JobID jobId = JobID.generate();
    private StandaloneCompletedCheckpointStore store;
    private CheckpointCoordinator coordinator;

    @AfterEach
    void stop() {
        main.close();
    }

    private void create(Map<String, String> settings) {
        create(settings, Runnable::run);
    }

    private void create(Map<String, String> settings, java.util.concurrent.Executor ioExecutor) {
        Map<String, String> all = new HashMap<>(Map.of("execution.checkpointing.timeout", "30 s"));
        all.putAll(settings);
        Configuration config = Configuration.fromMap(all);
        store = new StandaloneCompletedCheckpointStore(config.get(io.weft.config.CheckpointingOptions.NUM_RETAINED));
        coordinator = new CheckpointCoordinator(jobId, CheckpointCoordinatorSettings.of(config),
                new JobCheckpointServices(new StandaloneCheckpointIDCounter(), store, storage), tasks, main,
                ioExecutor, jobFailures::add);
    }

    private <T> T onMain(Supplier<T> action) throws Exception {
        return main.call(action::get).get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<CompletedCheckpoint> trigger() throws Exception {
        CompletableFuture<CompletedCheckpoint> f = onMain(() -> coordinator.triggerCheckpoint());
        onMain(() -> null); // the location is created on the (direct) I/O executor, then the trigger hops back
        return f;
    }

    private void ack(long id, boolean source, TaskStateSnapshot snapshot) throws Exception {
        onMain(() -> {
            coordinator.receiveAcknowledge(source ? tasks.source : tasks.sink, id, snapshot);
            return null;
        });
        onMain(() -> null);
    }

    @Test
    void aCheckpointCompletesInTheOrderMetadataStoreNotify() throws Exception {
        create(Map.of());
        CompletableFuture<CompletedCheckpoint> f = trigger();
        assertThat(log.events()).containsExactly("create chk-1", "trigger 1 source");
        assertThat(tasks.lastOptions.alignment()).isEqualTo(AlignmentType.ALIGNED);
        assertThat(tasks.lastOptions.targetLocation()).isEqualTo("chk-1");

        OperatorSubtaskState state = new OperatorSubtaskState(List.of(), List.of());
        ack(1, true, new TaskStateSnapshot(1, Map.of(tasks.sourceOperator, state)));
        assertThat(f).isNotDone();
        ack(1, false, null);

        CompletedCheckpoint c = f.get(10, TimeUnit.SECONDS);
        assertThat(c.checkpointId()).isEqualTo(1);
        assertThat(c.externalPointer()).isEqualTo("chk-1");
        assertThat(c.metadata().operators()).hasSize(2);
        assertThat(onMain(() -> coordinator.latestCompletedCheckpoint()).orElseThrow().checkpointId()).isEqualTo(1);
        List<String> events = log.events();
        int commit = events.indexOf("commit chk-1");
        assertThat(commit).isPositive();
        assertThat(events.subList(commit + 1, events.size()))
                .containsExactlyInAnyOrder("complete 1 source", "complete 1 sink");
        assertThat(onMain(() -> coordinator.counts()).completed()).isEqualTo(1);
    }

    @Test
    void aDeclinedCheckpointIsAbortedDeletedAndBeyondTheToleranceFailsTheJob() throws Exception {
        create(Map.of("execution.checkpointing.tolerable-failed-checkpoints", "1"));
        CompletableFuture<CompletedCheckpoint> first = trigger();
        onMain(() -> {
            coordinator.receiveDecline(tasks.sink, 1, "the sink's disk is full");
            return null;
        });
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Checkpoint 1 of job " + jobId + " was aborted: declined by task Sink (1/1):"
                        + " the sink's disk is full");
        assertThat(log.events()).contains("discard chk-1", "aborted 1 source", "aborted 1 sink");
        assertThat(storage.directories()).isEmpty();
        assertThat(jobFailures).isEmpty();

        trigger();
        onMain(() -> {
            coordinator.receiveDecline(tasks.source, 2, "again");
            return null;
        });
        assertThat(jobFailures).singleElement().satisfies(e -> assertThat(e).hasMessageContaining(
                "failed more checkpoints in a row than execution.checkpointing.tolerable-failed-checkpoints (1)"));
    }

    @Test
    void aCheckpointNotAcknowledgedInTimeExpiresNamingTheMissingTasks() throws Exception {
        create(Map.of("execution.checkpointing.timeout", "200 ms",
                "execution.checkpointing.tolerable-failed-checkpoints", "5"));
        CompletableFuture<CompletedCheckpoint> f = trigger();
        ack(1, true, null);
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasMessageContaining("expired after PT0.2S with 1 of 2"
                + " tasks acknowledged (missing: Sink (1/1)); raise execution.checkpointing.timeout");
        assertThat(storage.directories()).isEmpty();
        // a late acknowledgement of the expired checkpoint changes nothing
        ack(1, false, null);
        assertThat(onMain(() -> coordinator.latestCompletedCheckpoint())).isEmpty();
    }

    @Test
    void aCheckpointWhoseMetadataCannotBeWrittenIsAbortedAndNeverRegistered() throws Exception {
        create(Map.of("execution.checkpointing.tolerable-failed-checkpoints", "5"));
        storage.failNextCommit();
        CompletableFuture<CompletedCheckpoint> f = trigger();
        ack(1, true, null);
        ack(1, false, null);
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .hasMessageContaining("its _metadata could not be written: disk full writing chk-1/_metadata");
        assertThat(onMain(() -> coordinator.latestCompletedCheckpoint())).isEmpty();
        assertThat(log.events()).doesNotContain("complete 1 sink").contains("aborted 1 sink");
    }

    @Test
    void aNewCheckpointSubsumesTheOldestBeyondTheRetainedNumber() throws Exception {
        create(Map.of("state.checkpoints.num-retained", "2"));
        for (long id = 1; id <= 3; id++) {
            trigger();
            ack(id, true, null);
            ack(id, false, null);
        }
        onMain(() -> null);
        assertThat(storage.directories()).containsExactlyInAnyOrder("chk-2", "chk-3");
        assertThat(log.events()).contains("discard chk-1");
    }

    @Test
    void whileATaskIsNotRunningNoCheckpointStarts() throws Exception {
        create(Map.of());
        tasks.setRunning(false);
        CompletableFuture<CompletedCheckpoint> f = onMain(() -> coordinator.triggerCheckpoint());
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .hasMessageContaining("Cannot take a checkpoint of job " + jobId
                        + " now: task Sink (1/1) is DEPLOYING, not RUNNING");
        assertThat(log.events()).isEmpty();
    }

    @Test
    void periodicCheckpointsStartOnTheirOwn() throws Exception {
        create(Map.of("execution.checkpointing.interval", "50 ms"));
        onMain(() -> {
            coordinator.startCheckpointScheduler();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!log.events().contains("trigger 1 source") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(log.events()).contains("trigger 1 source");
        Thread.sleep(200);
        // max-concurrent-checkpoints 1: no second trigger while the first is pending
        assertThat(log.events()).doesNotContain("trigger 2 source");
    }

    @Test
    void aSavepointNeedsADirectoryAndIsNeverDeletedWithTheJob() throws Exception {
        create(Map.of());
        CompletableFuture<CompletedCheckpoint> none = onMain(() -> coordinator.triggerSavepoint(null, false));
        assertThatThrownBy(() -> none.get(10, TimeUnit.SECONDS))
                .hasMessageContaining("set execution.checkpointing.savepoint-dir");

        AtomicReference<CompletableFuture<CompletedCheckpoint>> f = new AtomicReference<>();
        onMain(() -> {
            f.set(coordinator.triggerSavepoint("/sp", false));
            return null;
        });
        onMain(() -> null);
        assertThat(tasks.lastOptions.type()).isEqualTo(CheckpointType.SAVEPOINT);
        long id = 2; // id 1 went to the savepoint without a directory
        ack(id, true, null);
        ack(id, false, null);
        assertThat(f.get().get(10, TimeUnit.SECONDS).isSavepoint()).isTrue();

        onMain(() -> coordinator.shutdown(JobStatus.FINISHED)).get(10, TimeUnit.SECONDS);
        assertThat(storage.directories()).containsExactly("/sp/savepoint-2");
        assertThat(storage.hasJobDirectory()).isFalse();
    }

    @Test
    void aCancelledJobKeepsItsCheckpointsOnlyWhenRetainOnCancellation() throws Exception {
        create(Map.of("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION"));
        trigger();
        ack(1, true, null);
        ack(1, false, null);
        onMain(() -> coordinator.shutdown(JobStatus.CANCELED)).get(10, TimeUnit.SECONDS);
        assertThat(storage.directories()).containsExactly("chk-1");
        assertThat(storage.hasJobDirectory()).isTrue();
    }

    @Test
    void aFinishedJobDeletesItsCheckpointsAndAbortsWhatIsPending() throws Exception {
        create(Map.of());
        trigger();
        ack(1, true, null);
        ack(1, false, null);
        CompletableFuture<CompletedCheckpoint> pending = trigger();
        onMain(() -> coordinator.shutdown(JobStatus.FINISHED)).get(10, TimeUnit.SECONDS);
        assertThat(pending).isCompletedExceptionally();
        assertThat(storage.directories()).isEmpty();
        assertThat(storage.hasJobDirectory()).isFalse();
        assertThat(jobFailures).isEmpty();
    }

    @Test
    void aCheckpointAbortedWhileItsMetadataIsWrittenIsNeverRegisteredAndItsFilesGoAfterTheWrite() throws Exception {
        java.util.concurrent.BlockingQueue<Runnable> io = new java.util.concurrent.LinkedBlockingQueue<>();
        create(Map.of(), io::add);
        CompletableFuture<CompletedCheckpoint> f = onMain(() -> coordinator.triggerCheckpoint());
        io.take().run(); // creates chk-1
        onMain(() -> null);
        ack(1, true, null);
        ack(1, false, null);
        Runnable commit = io.take();
        onMain(() -> {
            coordinator.abortPendingCheckpoints("job fails over");
            return null;
        });
        assertThat(io).as("nothing deleted before the write ended").isEmpty();
        assertThat(storage.directories()).containsExactly("chk-1");
        commit.run();
        onMain(() -> null);
        io.take().run(); // the deletion the write's end asked for
        assertThat(storage.directories()).isEmpty();
        assertThat(f).isCompletedExceptionally();
        assertThat(onMain(() -> coordinator.latestCompletedCheckpoint())).isEmpty();
        assertThat(onMain(() -> coordinator.counts()).inProgress()).isZero();
        assertThat(log.events()).doesNotContain("complete 1 sink");
    }
}
