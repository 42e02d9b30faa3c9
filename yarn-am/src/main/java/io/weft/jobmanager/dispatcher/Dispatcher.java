package io.weft.jobmanager.dispatcher;

import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.graph.JobGraph;
import io.weft.jobmanager.JobDetails;
import io.weft.jobmanager.JobMaster;
import io.weft.jobmanager.JobResult;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.runtime.rpc.MainThreadExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts jobs, starts a {@link JobMaster} for each, and answers questions about running and finished jobs.
 *
 * <p>State on the Dispatcher's main thread; JobMasters run on their own. Unknown job ids fail the returned
 * future with {@link UnknownJobException}.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final MainThreadExecutor main;
    private final ResourceManager resourceManager;
    private final Consumer<Throwable> fatalErrorHandler;
    private final Map<JobID, JobMaster> running = new LinkedHashMap<>();
    private final Map<JobID, JobResult> finished = new LinkedHashMap<>();

    public Dispatcher(ResourceManager resourceManager, Consumer<Throwable> fatalErrorHandler) {
        this.resourceManager = resourceManager;
        this.fatalErrorHandler = fatalErrorHandler;
        this.main = new MainThreadExecutor("dispatcher", fatalErrorHandler);
    }

    /** Starts the job; completes when its JobMaster runs. */
    public CompletableFuture<JobID> submitJob(JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        return main.call(() -> {
            if (running.containsKey(jobGraph.jobId()) || finished.containsKey(jobGraph.jobId())) {
                throw new IllegalStateException("Job " + jobGraph.jobId() + " was already submitted");
            }
            JobMaster jm = new JobMaster(jobGraph, userCodeClassLoader, resourceManager,
                    resourceManager::taskExecutor, fatalErrorHandler);
            running.put(jobGraph.jobId(), jm);
            jm.getResultFuture().whenComplete((r, e) -> main.execute(() -> {
                running.remove(jobGraph.jobId());
                finished.put(jobGraph.jobId(), r);
                jm.close();
            }));
            LOG.info("Submitting job {} ({})", jobGraph.name(), jobGraph.jobId());
            jm.start();
            return jobGraph.jobId();
        });
    }

    /** Completes when the job reached a globally terminal status. */
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        return main.call(() -> jobMasterOrResult(jobId)).thenCompose(o -> o instanceof JobMaster jm
                ? jm.getResultFuture() : CompletableFuture.completedFuture((JobResult) o));
    }

    public CompletableFuture<JobStatus> requestJobStatus(JobID jobId) {
        return main.call(() -> jobMasterOrResult(jobId)).thenCompose(o -> o instanceof JobMaster jm
                ? jm.requestJobStatus() : CompletableFuture.completedFuture(((JobResult) o).status()));
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
        JobResult r = finished.get(jobId);
        if (r == null) {
            throw new UnknownJobException(jobId, false);
        }
        return r;
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
