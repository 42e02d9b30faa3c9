package io.weft.jobmanager.rest;

import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.jobmanager.rest.messages.JobDetailsInfo;
import io.weft.jobmanager.rest.messages.JobExceptionsInfo;
import io.weft.jobmanager.rest.messages.JobIdsWithStatus;
import io.weft.jobmanager.rest.messages.JobsOverview;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The job endpoints: {@code GET /jobs}, {@code GET /jobs/overview}, {@code GET /jobs/:jobid},
 * {@code GET /jobs/:jobid/exceptions} and {@code PATCH /jobs/:jobid} (cancel).
 *
 * <p>Stateless; each handler runs on a network event loop, checks the request there and asks the
 * {@link Dispatcher} (and the {@link ResourceManager}, for what a job waits for), whose futures complete on their
 * main threads, where the answer is built.
 */
final class JobHandlers {
    private final Dispatcher dispatcher;
    private final ResourceManager resourceManager;

    JobHandlers(Dispatcher dispatcher, ResourceManager resourceManager) {
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
    }

    CompletableFuture<RestResponse> listJobs(RestRequest request) {
        return dispatcher.requestJobSnapshots().thenApply(jobs -> RestResponse.ok(new JobIdsWithStatus(jobs.stream()
                .map(d -> new JobIdsWithStatus.Item(d.jobId().toString(), d.status().name())).toList())));
    }

    CompletableFuture<RestResponse> jobsOverview(RestRequest request) {
        return dispatcher.requestJobSnapshots().thenApply(jobs -> {
            long now = System.currentTimeMillis();
            return RestResponse.ok(new JobsOverview(jobs.stream().map(d -> JobsOverview.Item.of(d, now)).toList()));
        });
    }

    CompletableFuture<RestResponse> jobDetails(RestRequest request) {
        JobID id = JobIds.parse(request.pathParameter("jobid"));
        return dispatcher.requestJobSnapshot(id).thenCombine(resourceManager.waitingFor(id),
                (d, waiting) -> RestResponse.ok(JobDetailsInfo.of(d, waiting.orElse(null),
                        System.currentTimeMillis())));
    }

    CompletableFuture<RestResponse> jobExceptions(RestRequest request) {
        JobID id = JobIds.parse(request.pathParameter("jobid"));
        return dispatcher.requestJobExceptions(id).thenApply(e -> RestResponse.ok(JobExceptionsInfo.of(e)));
    }

    /** Cancels a job: 202 once cancellation started, 409 when the job has already ended, 404 when unknown. */
    CompletableFuture<RestResponse> cancelJob(RestRequest request) {
        JobID id = JobIds.parse(request.pathParameter("jobid"));
        String mode = request.queryParameter("mode").orElse("cancel");
        if (!mode.equals("cancel")) {
            throw RestException.badRequest("Unsupported mode '" + JobIds.abbreviate(mode) + "' for PATCH /jobs/"
                    + id + ": use mode=cancel or no mode to cancel the job");
        }
        return dispatcher.requestJobStatus(id).thenCompose(status -> {
            if (status.isGloballyTerminal()) {
                throw alreadyEnded(id, status);
            }
            // the job may end between the two calls or while its JobMaster cancels it (the JobMaster then shuts
            // down before it answers): cancelled meanwhile is what was asked for; otherwise ended is "already
            // ended", never a server error
            return dispatcher.cancelJob(id).exceptionallyCompose(e -> dispatcher.requestJobStatus(id)
                    .<Void>thenApply(s -> {
                        if (s == JobStatus.CANCELED) {
                            return null;
                        }
                        if (s.isGloballyTerminal()) {
                            throw alreadyEnded(id, s);
                        }
                        throw new CompletionException(unwrap(e));
                    }));
        }).thenApply(v -> RestResponse.of(202, Map.of()));
    }

    private static RestException alreadyEnded(JobID id, JobStatus status) {
        return new RestException(409, "Job " + id + " has already ended (" + status + "): there is nothing to "
                + "cancel");
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
