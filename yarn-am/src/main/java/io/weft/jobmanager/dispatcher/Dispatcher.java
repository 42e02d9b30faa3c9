package io.weft.jobmanager.dispatcher;

import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.graph.JobGraph;
import io.weft.runtime.JobMasterGateway;
import io.weft.runtime.deployment.JobProgram;
import io.weft.jobmanager.ArchivedJob;
import io.weft.jobmanager.JobDetails;
import io.weft.jobmanager.JobExceptions;
import io.weft.jobmanager.JobMaster;
import io.weft.jobmanager.JobResult;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.runtime.rpc.MainThreadExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts jobs, starts a {@link JobMaster} for each, and answers questions about running and finished jobs.
 *
 * <p>State on the Dispatcher's main thread; JobMasters run on their own. A finished job's JobMaster is closed and
 * what is known of the job kept as an {@link ArchivedJob}. Unknown job ids fail the returned future with
 * {@link UnknownJobException}. Returned futures complete on the Dispatcher's or a JobMaster's main thread.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final MainThreadExecutor main;
    private final ResourceManager resourceManager;
    private final Consumer<Throwable> fatalErrorHandler;
    private final Map<JobID, JobMaster> running = new LinkedHashMap<>();
    private final Map<JobID, ArchivedJob> finished = new LinkedHashMap<>();

    public Dispatcher(ResourceManager resourceManager, Consumer<Throwable> fatalErrorHandler) {
        this.resourceManager = resourceManager;
        this.fatalErrorHandler = fatalErrorHandler;
        this.main = new MainThreadExecutor("dispatcher", fatalErrorHandler);
    }

    /** Starts a job defined in this process; completes when its JobMaster runs. */
    public CompletableFuture<JobID> submitJob(JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        return submitJob(jobGraph, userCodeClassLoader, null);
    }

    /**
     * Starts the job; completes when its JobMaster runs.
     *
     * @param program how TaskManagers in other processes re-create the job; null when it runs in this JVM only
     */
    public CompletableFuture<JobID> submitJob(JobGraph jobGraph, ClassLoader userCodeClassLoader,
            JobProgram program) {
        return main.call(() -> {
            if (running.containsKey(jobGraph.jobId()) || finished.containsKey(jobGraph.jobId())) {
                throw new IllegalStateException("Job " + jobGraph.jobId() + " was already submitted");
            }
            JobMaster jm = new JobMaster(jobGraph, userCodeClassLoader, program, resourceManager,
                    resourceManager::taskExecutor, fatalErrorHandler);
            running.put(jobGraph.jobId(), jm);
            jm.getArchiveFuture().whenComplete((archived, e) -> main.execute(() -> {
                running.remove(jobGraph.jobId());
                if (archived != null) {
                    finished.put(jobGraph.jobId(), archived);
                } else {
                    LOG.error("The JobMaster of job {} ended without a result", jobGraph.jobId(), e);
                }
                jm.close();
            }));
            LOG.info("Submitting job {} ({})", jobGraph.name(), jobGraph.jobId());
            jm.start();
            return jobGraph.jobId();
        });
    }

    /**
     * The JobMaster of a running job, to deliver a TaskManager's task report to; empty when the job is not running
     * (it ended, or never ran here).
     */
    public CompletableFuture<Optional<JobMasterGateway>> jobMasterGateway(JobID jobId) {
        return main.call(() -> Optional.ofNullable(running.get(jobId)));
    }

    /** Completes when the job reached a globally terminal status. */
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        return main.call(() -> jobMasterOrResult(jobId)).thenCompose(o -> o instanceof JobMaster jm
                ? jm.getResultFuture() : CompletableFuture.completedFuture(((ArchivedJob) o).result()));
    }

    public CompletableFuture<JobStatus> requestJobStatus(JobID jobId) {
        return main.call(() -> jobMasterOrResult(jobId)).thenCompose(o -> o instanceof JobMaster jm
                ? askOrArchive(jobId, jm, JobMaster::requestJobStatus, a -> a.result().status())
                : CompletableFuture.completedFuture(((ArchivedJob) o).result().status()));
    }

    /** Details of a running job, or the last snapshot of a finished one. */
    public CompletableFuture<JobDetails> requestJobSnapshot(JobID jobId) {
        return main.call(() -> jobMasterOrResult(jobId)).thenCompose(o -> o instanceof JobMaster jm
                ? askOrArchive(jobId, jm, JobMaster::requestJobDetails, ArchivedJob::details)
                : CompletableFuture.completedFuture(((ArchivedJob) o).details()));
    }

    /** The failure that ended a job (if it failed) and every failed attempt, of a running or finished job. */
    public CompletableFuture<JobExceptions> requestJobExceptions(JobID jobId) {
        return main.call(() -> jobMasterOrResult(jobId)).thenCompose(o -> o instanceof JobMaster jm
                ? askOrArchive(jobId, jm, JobMaster::requestJobExceptions, ArchivedJob::exceptions)
                : CompletableFuture.completedFuture(((ArchivedJob) o).exceptions()));
    }

    /** Details of every job: running ones first (as {@link #listJobs()} orders them), then finished ones. */
    public CompletableFuture<List<JobDetails>> requestJobSnapshots() {
        return main.call(() -> {
            List<CompletableFuture<JobDetails>> all = new ArrayList<>();
            running.forEach((id, jm) -> all.add(askOrArchive(id, jm, JobMaster::requestJobDetails,
                    ArchivedJob::details)));
            finished.values().forEach(a -> all.add(CompletableFuture.completedFuture(a.details())));
            return all;
        }).thenCompose(all -> {
            CompletableFuture<List<JobDetails>> snapshots = CompletableFuture.completedFuture(new ArrayList<>());
            for (CompletableFuture<JobDetails> one : all) {
                snapshots = snapshots.thenCombine(one, (list, details) -> {
                    list.add(details);
                    return list;
                });
            }
            return snapshots;
        });
    }

    /**
     * Asks a running job's JobMaster; when the job finished meanwhile (its JobMaster closed), answers from its
     * archive, which the Dispatcher's main thread stored before closing the JobMaster.
     */
    private <T> CompletableFuture<T> askOrArchive(JobID jobId, JobMaster jm,
            Function<JobMaster, CompletableFuture<T>> live, Function<ArchivedJob, T> archived) {
        CompletableFuture<T> answer;
        try {
            answer = live.apply(jm);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.exceptionallyCompose(e -> main.call(() -> {
            ArchivedJob a = finished.get(jobId);
            if (a == null) {
                throw new CompletionException(e);
            }
            return archived.apply(a);
        }));
    }

    /** Details of a running job (vertices, subtasks, slots). */
    public CompletableFuture<JobDetails> requestJobDetails(JobID jobId) {
        return main.call(() -> {
            JobMaster jm = running.get(jobId);
            if (jm == null) {
                throw new UnknownJobException(jobId, finished.containsKey(jobId));
            }
            return jm;
        }).thenCompose(JobMaster::requestJobDetails);
    }

    public CompletableFuture<Void> cancelJob(JobID jobId) {
        return main.call(() -> {
            JobMaster jm = running.get(jobId);
            if (jm == null) {
                throw new UnknownJobException(jobId, finished.containsKey(jobId));
            }
            return jm;
        }).thenCompose(JobMaster::cancel);
    }

    /** Ids of running jobs, then finished ones. */
    public CompletableFuture<List<JobID>> listJobs() {
        return main.call(() -> {
            List<JobID> ids = new ArrayList<>(running.keySet());
            ids.addAll(finished.keySet());
            return ids;
        });
    }

    private Object jobMasterOrResult(JobID jobId) {
        JobMaster jm = running.get(jobId);
        if (jm != null) {
            return jm;
        }
        ArchivedJob a = finished.get(jobId);
        if (a == null) {
            throw new UnknownJobException(jobId, false);
        }
        return a;
    }

    @Override
    public void close() {
        main.call(() -> {
            running.values().forEach(JobMaster::close);
            return null;
        }).exceptionally(e -> null).join();
        main.close();
    }
}
