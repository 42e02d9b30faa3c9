package io.weft.jobmanager;

import io.weft.api.FatalException;
import io.weft.api.JobStatus;
import io.weft.api.TransportException;
import io.weft.config.LocalOptions;
import io.weft.graph.JobGraph;
import io.weft.jobmanager.executiongraph.Execution;
import io.weft.jobmanager.executiongraph.ExecutionGraph;
import io.weft.jobmanager.executiongraph.ExecutionVertex;
import io.weft.jobmanager.scheduler.RestartStrategy;
import io.weft.jobmanager.scheduler.SlotAssignment;
import io.weft.runtime.ErrorInfo;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.ExecutionState;
import io.weft.runtime.JobMasterGateway;
import io.weft.runtime.ResourceID;
import io.weft.runtime.ResourceManagerGateway;
import io.weft.runtime.SlotOffer;
import io.weft.runtime.TaskExecutionState;
import io.weft.runtime.TaskExecutorGateway;
import io.weft.runtime.deployment.JobProgram;
import io.weft.runtime.rpc.MainThreadExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: gets slots from the ResourceManager, deploys every subtask of the {@link ExecutionGraph}, follows
 * the task reports, and on a failure either restarts the whole job with new executions (as the restart strategy
 * allows) or fails it.
 *
 * <p>Job status moves along {@link JobStatus}'s checked table. All state lives on the JobMaster's main thread;
 * task reports and gateway answers hop onto it. The result future completes there when the job reaches a
 * globally terminal status, after its slots were released.
 */
public final class JobMaster implements JobMasterGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);
    private final JobGraph jobGraph;
    private final ClassLoader userCodeClassLoader;
    private final JobProgram program;
    private final ResourceManagerGateway resourceManager;
    private final Function<ResourceID, CompletableFuture<TaskExecutorGateway>> taskManagers;
    private final MainThreadExecutor main;
    private final ExecutionGraph graph;
    private final RestartStrategy restartStrategy;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final CompletableFuture<ArchivedJob> archive = new CompletableFuture<>();
    private final Map<JobStatus, Long> statusTimestamps = new EnumMap<>(JobStatus.class);
    private final Map<ExecutionAttemptID, Execution> current = new HashMap<>();
    private final long startTime;
    private JobStatus status = JobStatus.CREATED;
    private List<SlotOffer> slots;
    private SlotAssignment assignment;
    private ErrorInfo failureCause;
    /** The failure the job restarts from; null until the first restart. */
    private ErrorInfo restartCause;
    private long firstRunning = -1;

    /**
     * @param program how TaskManagers in other processes re-create the job; null when it runs in this JVM only
     * @param taskManagers resolves a TaskManager's gateway by its id
     */
    public JobMaster(JobGraph jobGraph, ClassLoader userCodeClassLoader, JobProgram program,
            ResourceManagerGateway resourceManager,
            Function<ResourceID, CompletableFuture<TaskExecutorGateway>> taskManagers,
            Consumer<Throwable> fatalErrorHandler) {
        this.jobGraph = jobGraph;
        this.userCodeClassLoader = userCodeClassLoader;
        this.program = program;
        this.resourceManager = resourceManager;
        this.taskManagers = taskManagers;
        this.main = new MainThreadExecutor("jobmaster-" + jobGraph.jobId(), fatalErrorHandler);
        this.graph = new ExecutionGraph(jobGraph);
        this.restartStrategy = RestartStrategy.fromConfiguration(jobGraph.configuration());
        this.startTime = System.currentTimeMillis();
        statusTimestamps.put(JobStatus.CREATED, startTime);
    }

    /** Starts scheduling; the job's end completes {@link #getResultFuture()}. */
    public void start() {
        main.execute(this::requestSlotsAndDeploy);
    }

    public CompletableFuture<JobResult> getResultFuture() {
        return result;
    }

    /**
     * What to keep of the job once it ended: completes on the thread that completes {@link #getResultFuture()},
     * just before it.
     */
    public CompletableFuture<ArchivedJob> getArchiveFuture() {
        return archive;
    }

    public JobGraph getJobGraph() {
        return jobGraph;
    }

    /** The job's status, read on the main thread. */
    public CompletableFuture<JobStatus> requestJobStatus() {
        return main.call(() -> status);
    }

    /** A snapshot of vertices and subtasks, taken on the main thread. */
    public CompletableFuture<JobDetails> requestJobDetails() {
        return main.call(() -> JobDetails.of(jobGraph, status, graph, statusTimestamps, startTime));
    }

    /** The failure that ended the job and every failed attempt, taken on the main thread. */
    public CompletableFuture<JobExceptions> requestJobExceptions() {
        return main.call(this::jobExceptions);
    }

    private JobExceptions jobExceptions() {
        List<JobExceptions.AttemptFailure> failures = new ArrayList<>();
        for (ExecutionVertex ev : graph.getAllExecutionVertices()) {
            List<Execution> attempts = new ArrayList<>(ev.getPriorExecutions());
            attempts.add(ev.getCurrentExecution());
            for (Execution e : attempts) {
                if (e.getFailure() != null) {
                    Long failedAt = e.getTimestamp(ExecutionState.FAILED);
                    failures.add(new JobExceptions.AttemptFailure(e.getFailure(), ev.getTaskName(),
                            e.getAttemptNumber(), e.getSlot() == null ? null : e.getSlot().taskManager().toString(),
                            failedAt == null ? 0L : failedAt));
                }
            }
        }
        failures.sort(Comparator.comparingLong(JobExceptions.AttemptFailure::timestamp).reversed());
        return new JobExceptions(failureCause, failureCause == null ? null : statusTimestamps.get(JobStatus.FAILING),
                List.copyOf(failures));
    }

    /** Cancels the job; completes once cancellation has started. */
    public CompletableFuture<Void> cancel() {
        return main.call(() -> {
            if (status == JobStatus.RUNNING || status == JobStatus.CREATED || status == JobStatus.RESTARTING) {
                transitionJob(JobStatus.CANCELLING);
                cancelAllExecutions();
                checkAllTerminal();
            }
            return null;
        });
    }

    @Override
    public void updateTaskExecutionState(TaskExecutionState update) {
        main.execute(() -> onTaskState(update));
    }

    @Override
    public void taskManagerLost(ResourceID taskManager, String cause) {
        main.execute(() -> {
            for (Execution e : List.copyOf(current.values())) {
                if (!e.getState().isTerminal() && e.getSlot() != null
                        && e.getSlot().taskManager().equals(taskManager)) {
                    onTaskState(new TaskExecutionState(e.getAttemptId(), ExecutionState.FAILED, ErrorInfo.of(
                            new TransportException("TaskManager " + taskManager + " running " + e + " was lost ("
                                    + cause + "): the process may have died or its host may be unreachable",
                                    null)), Map.of()));
                }
            }
        });
    }

    private void transitionJob(JobStatus next) {
        LOG.info("Job {} ({}) switched from {} to {}", jobGraph.name(), jobGraph.jobId(), status, next);
        status = status.checkTransition(next, jobGraph.jobId());
        statusTimestamps.put(next, System.currentTimeMillis());
    }

    private void requestSlotsAndDeploy() {
        transitionJob(JobStatus.RUNNING);
        firstRunning = System.currentTimeMillis();
        resourceManager.requestSlots(jobGraph.jobId(), this, jobGraph.requiredSlots(),
                jobGraph.configuration().get(LocalOptions.SLOT_REQUEST_TIMEOUT)).whenComplete((offers, error) ->
                main.execute(() -> {
                    if (error != null) {
                        if (status == JobStatus.RUNNING) {
                            failJob(ErrorInfo.of(restartCause == null ? error : restartFailed(error)));
                        }
                    } else if (status != JobStatus.RUNNING) {
                        resourceManager.releaseSlots(jobGraph.jobId());
                    } else {
                        slots = offers;
                        assignment = new SlotAssignment(jobGraph, offers);
                        deployAll();
                    }
                }));
    }

    /**
     * The failure of a restart that could not get its slots: no restart is tried after it (a slot request fails
     * only when waiting longer cannot help), and its message names the failure the job was restarting from too, so
     * the user sees both why the job stopped running and why it could not run again.
     */
    private FatalException restartFailed(Throwable slotError) {
        FatalException e = new FatalException("Job " + jobGraph.jobId() + " could not restart after its failure ("
                + restartCause.message() + "): " + ErrorInfo.of(slotError).message());
        e.addSuppressed(slotError); // its trace, not its message: that is the root cause's message already
        return e;
    }

    private void deployAll() {
        current.clear();
        for (ExecutionVertex ev : graph.getAllExecutionVertices()) {
            Execution e = ev.getCurrentExecution();
            current.put(e.getAttemptId(), e);
            e.setSlot(assignment.slotFor(ev.getJobVertex().getJobVertex(), ev.getSubtaskIndex()));
            e.transitionTo(ExecutionState.SCHEDULED);
        }
        for (Execution e : current.values()) {
            deploy(e);
        }
    }

    private void deploy(Execution e) {
        e.transitionTo(ExecutionState.DEPLOYING);
        var tdd = TaskDeploymentDescriptorFactory.create(graph, e, jobGraph, userCodeClassLoader, program);
        taskManagers.apply(e.getSlot().taskManager())
                .thenCompose(tm -> tm.submitTask(tdd, this))
                .whenComplete((v, error) -> {
                    if (error != null) {
                        main.execute(() -> onTaskState(new TaskExecutionState(e.getAttemptId(), ExecutionState.FAILED,
                                ErrorInfo.of(error), Map.of())));
                    }
                });
    }

    private void onTaskState(TaskExecutionState update) {
        Execution e = current.get(update.attemptId());
        if (e == null || e.getState().isTerminal()) {
            return;
        }
        ExecutionState next = update.state();
        if (e.getState() == ExecutionState.CANCELING && !next.isTerminal()) {
            return;
        }
        if (e.getState() == ExecutionState.CANCELING && next == ExecutionState.FINISHED) {
            next = ExecutionState.CANCELED;
        }
        if (next == ExecutionState.CANCELED && e.getState() != ExecutionState.CANCELING
                && e.getState().canMoveTo(ExecutionState.CANCELING)) {
            e.transitionTo(ExecutionState.CANCELING);
        }
        if (!e.getState().canMoveTo(next)) {
            // a late, duplicated or malformed report from a TaskManager: not a reason to stop the JobManager
            LOG.warn("Ignored a report of {} for {} of job {}, which is {}", next, e, jobGraph.jobId(), e.getState());
            return;
        }
        if (next == ExecutionState.FAILED && update.error() == null) {
            update = new TaskExecutionState(update.attemptId(), next, ErrorInfo.of(new IllegalStateException(
                    "The TaskManager reported the failure of " + e + " without a cause")), update.counters());
        }
        e.transitionTo(next);
        if (next.isTerminal()) {
            e.setCounters(update.counters());
        }
        if (next == ExecutionState.FAILED) {
            e.setFailure(update.error());
            onExecutionFailed(e, update.error());
        } else if (next == ExecutionState.FINISHED && status == JobStatus.RUNNING && allCurrentIn(ExecutionState.FINISHED)) {
            finishJob(JobStatus.FINISHED);
        } else if (next == ExecutionState.CANCELED && status == JobStatus.RUNNING) {
            onExecutionFailed(e, ErrorInfo.of(new IllegalStateException(e + " was canceled unexpectedly")));
        }
        checkAllTerminal();
    }

    private void onExecutionFailed(Execution e, ErrorInfo error) {
        LOG.info("{} of job {} failed: {}", e, jobGraph.jobId(), error);
        if (status != JobStatus.RUNNING) {
            return;
        }
        restartStrategy.onFailure(System.currentTimeMillis());
        if (!error.fatal() && restartStrategy.canRestart()) {
            LOG.info("Restarting job {} ({}) in {} ms", jobGraph.jobId(), restartStrategy.describe(),
                    restartStrategy.getBackoff().toMillis());
            restartCause = error;
            transitionJob(JobStatus.RESTARTING);
        } else {
            failureCause = error;
            transitionJob(JobStatus.FAILING);
        }
        cancelAllExecutions();
    }

    private void failJob(ErrorInfo error) {
        failureCause = error;
        transitionJob(JobStatus.FAILING);
        cancelAllExecutions();
        checkAllTerminal();
    }

    private void cancelAllExecutions() {
        for (Execution e : current.values()) {
            ExecutionState s = e.getState();
            if (s == ExecutionState.CREATED || s == ExecutionState.SCHEDULED) {
                e.transitionTo(ExecutionState.CANCELED);
            } else if (!s.isTerminal() && s != ExecutionState.CANCELING) {
                e.transitionTo(ExecutionState.CANCELING);
                ExecutionAttemptID attempt = e.getAttemptId();
                taskManagers.apply(e.getSlot().taskManager())
                        .thenCompose(tm -> tm == null
                                ? CompletableFuture.failedFuture(new IllegalStateException("TaskManager gone"))
                                : tm.cancelTask(attempt))
                        .whenComplete((v, error) -> {
                            if (error != null) {
                                // the TaskManager cannot be asked (lost, or not answering): the attempt ends here
                                main.execute(() -> onTaskState(new TaskExecutionState(attempt,
                                        ExecutionState.CANCELED, null, Map.of())));
                            }
                        });
            }
        }
    }

    private boolean allCurrentIn(ExecutionState s) {
        return current.values().stream().allMatch(e -> e.getState() == s);
    }

    private void checkAllTerminal() {
        if (!current.values().stream().allMatch(e -> e.getState().isTerminal())) {
            return;
        }
        switch (status) {
            case FAILING -> finishJob(JobStatus.FAILED);
            case CANCELLING -> finishJob(JobStatus.CANCELED);
            case RESTARTING -> main.schedule(this::restart, restartStrategy.getBackoff());
            default -> { }
        }
    }

    private void restart() {
        if (status != JobStatus.RESTARTING) {
            return;
        }
        transitionJob(JobStatus.CREATED);
        for (ExecutionVertex ev : graph.getAllExecutionVertices()) {
            ev.resetForNewExecution();
        }
        // slots are requested anew: the TaskManagers of the last attempt may be gone
        resourceManager.releaseSlots(jobGraph.jobId()).whenComplete((v, e) -> main.execute(() -> {
            if (status == JobStatus.CREATED) {
                requestSlotsAndDeploy();
            }
        }));
    }

    private void finishJob(JobStatus terminal) {
        transitionJob(terminal);
        Map<String, Long> counters = new HashMap<>();
        for (Execution e : current.values()) {
            e.getCounters().forEach((k, v) -> counters.merge(k, v, Long::sum));
        }
        long runtime = firstRunning < 0 ? 0 : System.currentTimeMillis() - firstRunning;
        JobResult r = new JobResult(jobGraph.jobId(), jobGraph.name(), terminal,
                terminal == JobStatus.FAILED ? failureCause : null, runtime, counters);
        ArchivedJob archived = new ArchivedJob(r, JobDetails.of(jobGraph, terminal, graph, statusTimestamps,
                startTime), jobExceptions());
        resourceManager.releaseSlots(jobGraph.jobId()).whenComplete((v, e) -> {
            archive.complete(archived);
            result.complete(r);
        });
    }

    /** Every attempt so far, for tests and the web view. */
    public CompletableFuture<List<Execution>> allAttempts() {
        return main.call(() -> {
            List<Execution> all = new ArrayList<>();
            for (ExecutionVertex ev : graph.getAllExecutionVertices()) {
                all.addAll(ev.getPriorExecutions());
                all.add(ev.getCurrentExecution());
            }
            return all;
        });
    }

    @Override
    public void close() {
        main.close();
    }
}
