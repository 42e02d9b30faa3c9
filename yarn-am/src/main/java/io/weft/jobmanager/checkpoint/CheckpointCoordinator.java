package io.weft.jobmanager.checkpoint;

import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.config.CheckpointingOptions;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.checkpoint.AlignmentType;
import io.weft.runtime.checkpoint.CheckpointMetadata;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.checkpoint.CheckpointStorage;
import io.weft.runtime.checkpoint.CheckpointStorageLocation;
import io.weft.runtime.checkpoint.CheckpointType;
import io.weft.runtime.checkpoint.TaskStateSnapshot;
import io.weft.runtime.rpc.MainThreadExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one job's checkpoints and savepoints: triggers them at the sources (periodically once every task runs, or
 * on request), collects the tasks' acknowledgements, and completes a checkpoint in the order that cannot lose one —
 * {@code _metadata} committed, then the completed-checkpoint store updated, then the tasks notified (sinks commit
 * on that notice) — or aborts it (declined, timed out, or its metadata not written), deleting its files and telling
 * the tasks.
 *
 * <p>Main thread of the JobMaster only; storage I/O runs on {@code ioExecutor} and its results hop back. Settings:
 * interval, timeout, minimum pause between checkpoints, maximum concurrent checkpoints, tolerable consecutive
 * failures (beyond them {@code onTooManyFailures} is told, which fails the job into its restart strategy).
 */
public final class CheckpointCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
    private final JobID jobId;
    private final CheckpointCoordinatorSettings settings;
    private final CheckpointIDCounter ids;
    private final CompletedCheckpointStore store;
    private final CheckpointStorage storage;
    private final CheckpointTasks tasks;
    private final MainThreadExecutor main;
    private final Executor ioExecutor;
    private final Consumer<Throwable> onTooManyFailures;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final CheckpointStatsCounts counts = new CheckpointStatsCounts();
    private ScheduledFuture<?> periodic;
    private boolean triggering;
    private boolean shutDown;
    private long lastCompletionNanos = Long.MIN_VALUE;
    private int consecutiveFailures;

    public CheckpointCoordinator(JobID jobId, CheckpointCoordinatorSettings settings, JobCheckpointServices services,
            CheckpointTasks tasks, MainThreadExecutor main, Executor ioExecutor, Consumer<Throwable> onTooManyFailures) {
        this.jobId = jobId;
        this.settings = settings;
        this.ids = services.ids();
        this.store = services.store();
        this.storage = services.storage();
        this.tasks = tasks;
        this.main = main;
        this.ioExecutor = ioExecutor;
        this.onTooManyFailures = onTooManyFailures;
    }

    /** Starts periodic checkpoints (when an interval is set); the first is tried one interval from now. */
    public void startCheckpointScheduler() {
        main.assertMainThread();
        if (settings.periodic() && periodic == null && !shutDown) {
            periodic = main.schedule(this::periodicTrigger, settings.interval());
        }
    }

    /** Stops periodic checkpoints (the job is restarting or ending); pending ones are not touched. */
    public void stopCheckpointScheduler() {
        main.assertMainThread();
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    private void periodicTrigger() {
        if (periodic == null || shutDown) {
            return;
        }
        periodic = main.schedule(this::periodicTrigger, settings.interval());
        if (triggering || pending.size() >= settings.maxConcurrent()) {
            LOG.debug("Checkpoint of job {} skipped: {} in progress (at most {})", jobId, pending.size(),
                    settings.maxConcurrent());
            return;
        }
        if (lastCompletionNanos != Long.MIN_VALUE
                && System.nanoTime() - lastCompletionNanos < settings.minPause().toNanos()) {
            LOG.debug("Checkpoint of job {} skipped: less than {} since the last one completed", jobId,
                    settings.minPause());
            return;
        }
        trigger(CheckpointType.CHECKPOINT, null).exceptionally(e -> null);
    }

    /**
     * Triggers a savepoint now (no minimum pause, no concurrency limit).
     *
     * @param targetDirectory null for {@code execution.checkpointing.savepoint-dir}
     * @param terminate whether the sources stop once it is taken ({@code weft stop})
     */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String targetDirectory, boolean terminate) {
        main.assertMainThread();
        return trigger(terminate ? CheckpointType.SAVEPOINT_TERMINATE : CheckpointType.SAVEPOINT, targetDirectory);
    }

    /** Triggers a checkpoint now, as the periodic scheduler would (for tests and a final checkpoint). */
    public CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
        main.assertMainThread();
        return trigger(CheckpointType.CHECKPOINT, null);
    }

    private CompletableFuture<CompletedCheckpoint> trigger(CheckpointType type, String targetDirectory) {
        if (shutDown) {
            return CompletableFuture.failedFuture(new CheckpointException("The checkpoint coordinator of job "
                    + jobId + " is shut down: the job is ending"));
        }
        StringBuilder whyNot = new StringBuilder();
        Optional<CheckpointPlan> plan = tasks.plan(whyNot);
        if (plan.isEmpty()) {
            LOG.debug("Checkpoint of job {} not triggered: {}", jobId, whyNot);
            return CompletableFuture.failedFuture(new CheckpointException("Cannot take a " + describe(type)
                    + " of job " + jobId + " now: " + whyNot));
        }
        long checkpointId;
        try {
            checkpointId = ids.getAndIncrement();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(new CheckpointException("Cannot get an id for a checkpoint of job "
                    + jobId + ": " + e.getMessage(), e));
        }
        long timestamp = System.currentTimeMillis();
        triggering = true;
        CompletableFuture<CompletedCheckpoint> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> initializeLocation(type, checkpointId, targetDirectory), ioExecutor)
                .whenComplete((location, error) -> main.execute(() -> {
                    triggering = false;
                    if (error != null) {
                        Throwable cause = unwrap(error);
                        onFailure(type, checkpointId, cause.getMessage());
                        result.completeExceptionally(cause instanceof IllegalArgumentException ? cause
                                : new CheckpointException("Cannot create the directory of " + describe(type) + " "
                                + checkpointId + " of job " + jobId + ": " + cause.getMessage(), cause));
                        return;
                    }
                    start(new PendingCheckpoint(checkpointId, timestamp, options(type, location), location,
                            plan.get()), result);
                }));
        return result;
    }

    private CheckpointStorageLocation initializeLocation(CheckpointType type, long id, String targetDirectory) {
        try {
            return type.isSavepoint() ? storage.initializeSavepoint(id, targetDirectory)
                    : storage.initializeCheckpoint(id);
        } catch (java.io.IOException e) {
            throw new CompletionException(e);
        }
    }

    private CheckpointOptions options(CheckpointType type, CheckpointStorageLocation location) {
        AlignmentType alignment;
        if (settings.mode() == CheckpointingOptions.Mode.AT_LEAST_ONCE) {
            alignment = AlignmentType.AT_LEAST_ONCE;
        } else if (settings.unaligned() && !type.isSavepoint() && settings.alignedTimeout().isZero()) {
            alignment = AlignmentType.UNALIGNED;
        } else {
            alignment = AlignmentType.ALIGNED;
        }
        long alignedTimeout = settings.unaligned() && !type.isSavepoint() ? settings.alignedTimeout().toMillis() : 0;
        return new CheckpointOptions(type, alignment, alignment == AlignmentType.ALIGNED ? alignedTimeout : 0,
                location.pointer());
    }

    private void start(PendingCheckpoint checkpoint, CompletableFuture<CompletedCheckpoint> result) {
        if (shutDown) {
            discardLocation(checkpoint.location());
            result.completeExceptionally(new CheckpointException("Job " + jobId + " ended before checkpoint "
                    + checkpoint.checkpointId() + " started"));
            return;
        }
        pending.put(checkpoint.checkpointId(), checkpoint);
        counts.inProgress++;
        checkpoint.result().whenComplete((c, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(c);
            }
        });
        checkpoint.setTimeout(main.schedule(() -> expire(checkpoint), settings.timeout()));
        LOG.info("Triggering {} {} of job {} ({} sources, {} tasks)", describe(checkpoint.options().type()),
                checkpoint.checkpointId(), jobId, checkpoint.plan().toTrigger().size(), checkpoint.numberOfTasks());
        for (ExecutionAttemptID source : checkpoint.plan().toTrigger()) {
            tasks.triggerCheckpoint(source, checkpoint.checkpointId(), checkpoint.timestamp(), checkpoint.options());
        }
    }

    /** A task acknowledged a checkpoint with the state of its operators (null: no state). */
    public void receiveAcknowledge(ExecutionAttemptID attempt, long checkpointId, TaskStateSnapshot snapshot) {
        main.assertMainThread();
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null) {
            LOG.debug("Ignored a late acknowledgement of checkpoint {} of job {} by {}", checkpointId, jobId, attempt);
            return;
        }
        PendingCheckpoint.AckResult r = checkpoint.acknowledge(attempt, snapshot);
        if (r != PendingCheckpoint.AckResult.OK) {
            LOG.warn("Ignored an acknowledgement of checkpoint {} of job {} by {}: {}", checkpointId, jobId, attempt,
                    r);
            return;
        }
        if (checkpoint.isFullyAcknowledged()) {
            complete(checkpoint);
        }
    }

    /** A task could not take its part of a checkpoint. */
    public void receiveDecline(ExecutionAttemptID attempt, long checkpointId, String reason) {
        main.assertMainThread();
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint != null && !checkpoint.isDisposed()) {
            String task = checkpoint.plan().toAcknowledge().containsKey(attempt)
                    ? checkpoint.plan().toAcknowledge().get(attempt).taskName() : attempt.toString();
            abort(checkpoint, "declined by task " + task + ": " + reason, true);
        }
    }

    private void expire(PendingCheckpoint checkpoint) {
        if (!checkpoint.isDisposed() && pending.get(checkpoint.checkpointId()) == checkpoint) {
            abort(checkpoint, "expired after " + settings.timeout() + " with " + checkpoint.numberOfAcknowledged()
                    + " of " + checkpoint.numberOfTasks() + " tasks acknowledged (missing: "
                    + String.join(", ", checkpoint.missingTaskNames(5)) + "); raise execution.checkpointing.timeout"
                    + " if the job is backpressured or its state large", true);
        }
    }

    private void complete(PendingCheckpoint checkpoint) {
        checkpoint.startCommit();
        CheckpointMetadata metadata = checkpoint.toMetadata(jobId);
        CompletableFuture.supplyAsync(() -> {
            try {
                return checkpoint.location().commitMetadata(metadata);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        }, ioExecutor).whenComplete((pointer, error) -> main.execute(() -> {
            if (checkpoint.isAbandoned()) {
                // aborted (failover, job end) while the metadata was written: nothing may restore from it
                discardLocation(checkpoint.location());
                return;
            }
            if (error != null) {
                abort(checkpoint, "its _metadata could not be written: " + unwrap(error).getMessage(), true);
                discardLocation(checkpoint.location());
                return;
            }
            onMetadataCommitted(checkpoint, new CompletedCheckpoint(metadata, pointer, System.currentTimeMillis()));
        }));
    }

    private void onMetadataCommitted(PendingCheckpoint checkpoint, CompletedCheckpoint completed) {
        pending.remove(checkpoint.checkpointId());
        counts.inProgress--;
        List<CompletedCheckpoint> subsumed;
        try {
            subsumed = store.add(completed);
        } catch (Exception e) {
            counts.failed++;
            checkpoint.result().completeExceptionally(new CheckpointException("Checkpoint " + checkpoint.checkpointId()
                    + " of job " + jobId + " could not be registered: " + e.getMessage(), e));
            discardLocation(checkpoint.location());
            countFailure(checkpoint.options().type(), e.getMessage());
            return;
        }
        counts.completed++;
        consecutiveFailures = 0;
        lastCompletionNanos = System.nanoTime();
        LOG.info("Completed {} {} of job {} at {} ({} ms)", describe(completed.type()), completed.checkpointId(), jobId,
                completed.externalPointer(), completed.completionTimestamp() - checkpoint.timestamp());
        for (CompletedCheckpoint old : subsumed) {
            ioExecutor.execute(() -> discardQuietly(old.externalPointer()));
        }
        if (!completed.isSavepoint()) {
            // a completed checkpoint subsumes every older one still in progress
            for (PendingCheckpoint older : new ArrayList<>(pending.headMap(checkpoint.checkpointId()).values())) {
                if (!older.options().type().isSavepoint()) {
                    abort(older, "subsumed by checkpoint " + checkpoint.checkpointId(), false);
                }
            }
        }
        for (ExecutionAttemptID task : checkpoint.plan().toAcknowledge().keySet()) {
            tasks.notifyCheckpointComplete(task, checkpoint.checkpointId());
        }
        checkpoint.result().complete(completed);
    }

    private void abort(PendingCheckpoint checkpoint, String reason, boolean countsAsFailure) {
        if (checkpoint.isCommitting()) {
            // the metadata write in flight must end before the files go: its end deletes them
            checkpoint.abandon();
        } else {
            checkpoint.dispose();
            discardLocation(checkpoint.location());
        }
        pending.remove(checkpoint.checkpointId());
        counts.inProgress--;
        counts.failed++;
        String type = describe(checkpoint.options().type());
        LOG.warn("Aborted {} {} of job {}: {}", type, checkpoint.checkpointId(), jobId, reason);
        for (ExecutionAttemptID task : checkpoint.plan().toAcknowledge().keySet()) {
            tasks.notifyCheckpointAborted(task, checkpoint.checkpointId());
        }
        checkpoint.result().completeExceptionally(new CheckpointException(capitalized(type) + " "
                + checkpoint.checkpointId() + " of job " + jobId + " was aborted: " + reason));
        if (countsAsFailure) {
            countFailure(checkpoint.options().type(), reason);
        }
    }

    private void onFailure(CheckpointType type, long checkpointId, String reason) {
        counts.failed++;
        LOG.warn("{} {} of job {} failed: {}", capitalized(describe(type)), checkpointId, jobId, reason);
        countFailure(type, reason);
    }

    /** Counts a failed periodic checkpoint; savepoints a user asked for do not fail the job. */
    private void countFailure(CheckpointType type, String reason) {
        if (type.isSavepoint() || shutDown) {
            return;
        }
        consecutiveFailures++;
        if (consecutiveFailures > settings.tolerableFailures()) {
            consecutiveFailures = 0;
            onTooManyFailures.accept(new CheckpointException("Job " + jobId + " failed more checkpoints in a row than"
                    + " execution.checkpointing.tolerable-failed-checkpoints (" + settings.tolerableFailures()
                    + ") allows; the last: " + reason));
        }
    }

    /**
     * Aborts every checkpoint in progress (the job fails over or is cancelled); not counted as failed checkpoints.
     */
    public void abortPendingCheckpoints(String reason) {
        main.assertMainThread();
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
            abort(p, reason, false);
        }
    }

    /** The newest completed checkpoint or savepoint: where a restarting job restores from. */
    public Optional<CompletedCheckpoint> latestCompletedCheckpoint() {
        main.assertMainThread();
        try {
            return store.latest();
        } catch (Exception e) {
            throw new CheckpointException("Cannot read the completed checkpoints of job " + jobId + ": "
                    + e.getMessage(), e);
        }
    }

    /** Counts a restore from a checkpoint (for the REST statistics). */
    public void recordRestore() {
        main.assertMainThread();
        counts.restored++;
    }

    public CheckpointStatsCounts counts() {
        main.assertMainThread();
        return counts.copy();
    }

    /**
     * Stops for good as the job reaches {@code terminal}: aborts what is in progress and deletes what is not
     * retained — every checkpoint of a FINISHED job; of a CANCELED job unless RETAIN_ON_CANCELLATION; of a FAILED
     * job only with NO_EXTERNALIZED_CHECKPOINTS. Savepoints are never deleted. Completes when the files are gone.
     */
    public CompletableFuture<Void> shutdown(JobStatus terminal) {
        main.assertMainThread();
        stopCheckpointScheduler();
        abortPendingCheckpoints("job " + jobId + " is " + terminal);
        shutDown = true;
        CheckpointingOptions.ExternalizedCheckpointRetention retention = settings.retention();
        boolean delete = switch (terminal) {
            case FINISHED -> true;
            case CANCELED -> retention != CheckpointingOptions.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION;
            default -> retention == CheckpointingOptions.ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
        };
        if (!delete) {
            LOG.info("Kept the checkpoints of job {} ({}, {})", jobId, terminal, retention);
            return CompletableFuture.completedFuture(null);
        }
        List<String> pointers = new ArrayList<>();
        try {
            for (CompletedCheckpoint c : store.all()) {
                if (!c.isSavepoint()) {
                    pointers.add(c.externalPointer());
                }
            }
        } catch (Exception e) {
            LOG.warn("Cannot list the checkpoints of job {} to delete them", jobId, e);
        }
        return CompletableFuture.runAsync(() -> {
            for (String p : pointers) {
                discardQuietly(p);
            }
            try {
                storage.discardJobDirectory();
            } catch (Exception e) {
                LOG.warn("Cannot delete the checkpoint directory of job {}: {}", jobId, e.toString());
            }
        }, ioExecutor);
    }

    private void discardLocation(CheckpointStorageLocation location) {
        ioExecutor.execute(() -> {
            try {
                location.discard();
            } catch (Exception e) {
                LOG.warn("Cannot delete {} of job {}: {}", location.pointer(), jobId, e.toString());
            }
        });
    }

    private void discardQuietly(String pointer) {
        if (!storage.isDurable()) {
            return;
        }
        try {
            storage.discard(pointer);
        } catch (Exception e) {
            LOG.warn("Cannot delete checkpoint {} of job {}: {}", pointer, jobId, e.toString());
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static String describe(CheckpointType type) {
        return type.isSavepoint() ? "savepoint" : "checkpoint";
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
