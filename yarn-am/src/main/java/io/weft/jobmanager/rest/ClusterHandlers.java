package io.weft.jobmanager.rest;

import io.weft.api.JobStatus;
import io.weft.jobmanager.JobDetails;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.jobmanager.resourcemanager.TaskManagerInfo;
import io.weft.jobmanager.rest.messages.ClusterOverview;
import io.weft.jobmanager.rest.messages.DashboardConfiguration;
import io.weft.jobmanager.rest.messages.TaskManagersInfo;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The cluster endpoints: {@code GET /overview}, {@code GET /taskmanagers}, {@code GET /config} and, where the
 * cluster can be stopped through REST, {@code DELETE /cluster}.
 *
 * <p>Stateless; each handler runs on a network event loop and asks the {@link ResourceManager} and
 * {@link Dispatcher}, whose futures complete on their main threads, where the answer is built.
 */
final class ClusterHandlers {
    /** How often a web front end should poll, in milliseconds (Flink's default). */
    private static final long REFRESH_INTERVAL_MILLIS = 3000;
    private final Dispatcher dispatcher;
    private final ResourceManager resourceManager;
    private final Runnable clusterShutdown;

    ClusterHandlers(Dispatcher dispatcher, ResourceManager resourceManager, Runnable clusterShutdown) {
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
        this.clusterShutdown = clusterShutdown;
    }

    /** {@code DELETE /cluster}: the cluster stops after answering 202. */
    CompletableFuture<RestResponse> shutdown(RestRequest request) {
        clusterShutdown.run();
        return CompletableFuture.completedFuture(RestResponse.of(202, Map.of()));
    }

    CompletableFuture<RestResponse> overview(RestRequest request) {
        return resourceManager.taskManagerInfos().thenCombine(dispatcher.requestJobSnapshots(),
                (taskManagers, jobs) -> RestResponse.ok(new ClusterOverview(taskManagers.size(),
                        taskManagers.stream().mapToInt(TaskManagerInfo::slotsNumber).sum(),
                        taskManagers.stream().mapToInt(TaskManagerInfo::freeSlots).sum(),
                        (int) jobs.stream().filter(j -> !j.status().isGloballyTerminal()).count(),
                        count(jobs, JobStatus.FINISHED), count(jobs, JobStatus.CANCELED),
                        count(jobs, JobStatus.FAILED), WeftVersion.get())));
    }

    CompletableFuture<RestResponse> taskManagers(RestRequest request) {
        return resourceManager.taskManagerInfos().thenApply(infos -> RestResponse.ok(new TaskManagersInfo(infos
                .stream().map(i -> new TaskManagersInfo.Item(i.id().toString(), i.slotsNumber(), i.freeSlots()))
                .toList())));
    }

    CompletableFuture<RestResponse> config(RestRequest request) {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
        return CompletableFuture.completedFuture(RestResponse.ok(new DashboardConfiguration(REFRESH_INTERVAL_MILLIS,
                now.getZone().getDisplayName(TextStyle.FULL, Locale.ROOT),
                now.getOffset().getTotalSeconds() * 1000L, WeftVersion.get())));
    }

    private static int count(List<JobDetails> jobs, JobStatus status) {
        return (int) jobs.stream().filter(j -> j.status() == status).count();
    }
}
