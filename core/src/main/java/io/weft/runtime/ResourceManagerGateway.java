package io.weft.runtime;

import io.weft.api.JobID;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What TaskManagers and JobMasters call on the ResourceManager. Futures complete on the ResourceManager's main
 * thread.
 */
public interface ResourceManagerGateway {
    /** A TaskManager announces itself and its slots. */
    CompletableFuture<Void> registerTaskExecutor(TaskExecutorGateway taskExecutor, int numberOfSlots);

    /**
     * Allocates {@code count} slots for a job, waiting up to {@code timeout} for TaskManagers to offer them;
     * fails with a message naming the job, the slots needed and the slots available. The {@code owner} is told
     * when a TaskManager holding some of the job's slots is lost.
     */
    CompletableFuture<List<SlotOffer>> requestSlots(JobID jobId, JobMasterGateway owner, int count,
            Duration timeout);

    /** Frees every slot of a job. */
    CompletableFuture<Void> releaseSlots(JobID jobId);
}
