package io.weft.jobmanager.resourcemanager;

import io.weft.api.JobID;
import io.weft.runtime.AllocationID;
import io.weft.runtime.JobMasterGateway;
import io.weft.runtime.ResourceID;
import io.weft.runtime.ResourceManagerGateway;
import io.weft.runtime.SlotOffer;
import io.weft.runtime.TaskExecutorGateway;
import io.weft.runtime.rpc.MainThreadExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the books of TaskManagers and their slots, and hands slots to jobs: at once when enough are free, after
 * the driver started TaskManagers when it can, or never — failing the request with the capacity named.
 *
 * <p>All state on the ResourceManager's main thread; gateway calls hop onto it.
 */
public final class ResourceManager implements ResourceManagerGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);
    /**
     * How long a request for more slots than a cluster that cannot start TaskManagers has in all waits for
     * TaskManagers still registering before it fails, naming both numbers.
     */
    static final Duration SHORTAGE_GRACE = Duration.ofSeconds(10);
    private final MainThreadExecutor main;
    private final ResourceManagerDriver driver;
    private final Map<ResourceID, Registration> taskManagers = new LinkedHashMap<>();
    private final ArrayDeque<PendingRequest> pending = new ArrayDeque<>();
    private final Map<JobID, JobMasterGateway> owners = new HashMap<>();
    private final List<Consumer<TaskExecutorGateway>> lossListeners = new ArrayList<>();

    public ResourceManager(ResourceManagerDriver driver, Consumer<Throwable> fatalErrorHandler) {
        this.driver = driver;
        this.main = new MainThreadExecutor("resourcemanager", fatalErrorHandler);
        driver.initialize(new DriverActions(), main::execute);
        driver.idleTaskManagerTimeout().ifPresent(timeout -> main.schedule(() -> releaseIdle(timeout),
                idleCheckInterval(timeout)));
    }

    @Override
    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorGateway taskExecutor, int numberOfSlots) {
        return main.call(() -> {
            if (!driver.acceptsRegistration(taskExecutor.getResourceId())) {
                LOG.info("Refused the registration of TaskManager {}: not started by this cluster, or released",
                        taskExecutor.getResourceId());
                throw new RegistrationRefusedException("TaskManager " + taskExecutor.getResourceId()
                        + " is not one this cluster started, or it was released: it should stop");
            }
            if (taskManagers.containsKey(taskExecutor.getResourceId())) {
                loseNow(taskExecutor.getResourceId(), "it registered again, giving up the slots it had");
            }
            taskManagers.put(taskExecutor.getResourceId(), new Registration(taskExecutor, numberOfSlots));
            LOG.info("TaskManager {} registered with {} slots", taskExecutor.getResourceId(), numberOfSlots);
            driver.taskManagerRegistered(taskExecutor.getResourceId());
            servePending();
            return null;
        });
    }

    /** The gateway of a registered TaskManager, or null. Thread-safe snapshot through the main thread. */
    public CompletableFuture<TaskExecutorGateway> taskExecutor(ResourceID id) {
        return main.call(() -> {
            Registration r = taskManagers.get(id);
            return r == null ? null : r.gateway;
        });
    }

    /** Each TaskManager with its slot count and free slots. */
    public CompletableFuture<List<TaskManagerInfo>> taskManagerInfos() {
        return main.call(() -> {
            List<TaskManagerInfo> infos = new ArrayList<>();
            for (Registration r : taskManagers.values()) {
                infos.add(new TaskManagerInfo(r.gateway.getResourceId(), r.owners.length, r.free()));
            }
            return infos;
        });
    }

    /**
     * What the job's request for slots waits for, in words — "4 slots (1 free, 2 in all; YARN TaskManager
     * containers …: 1 running or starting, 1 requested), for 12 s" — or empty when it waits for none.
     */
    public CompletableFuture<Optional<String>> waitingFor(JobID jobId) {
        return main.call(() -> pending.stream().filter(r -> r.jobId.equals(jobId)).findFirst()
                .map(r -> r.count + " slots (" + freeSlots() + " free, " + totalSlots() + " in all; "
                        + driver.describeCapacity() + "), for "
                        + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - r.sinceNanos) + " s"));
    }

    @Override
    public CompletableFuture<List<SlotOffer>> requestSlots(JobID jobId, JobMasterGateway owner, int count,
            Duration timeout) {
        CompletableFuture<List<SlotOffer>> result = new CompletableFuture<>();
        main.execute(() -> {
            owners.put(jobId, owner);
            PendingRequest request = new PendingRequest(jobId, count, result);
            int free = freeSlots();
            if (free >= count) {
                allocate(request);
                return;
            }
            if (!driver.expectsMoreTaskManagers()) {
                result.completeExceptionally(new NotEnoughSlotsException("Job " + jobId + " needs " + count
                        + " slots but the cluster has " + free + " free (" + driver.describeCapacity()
                        + "): raise taskmanager.numberOfTaskSlots or lower the parallelism"));
                return;
            }
            pending.add(request);
            if (driver.canStartTaskManagers()) {
                try {
                    driver.startTaskManagers(missingSlots());
                } catch (NotEnoughSlotsException e) {
                    pending.remove(request);
                    result.completeExceptionally(e);
                    return;
                }
            }
            if (!driver.canStartTaskManagers() && totalSlots() < count) {
                // more slots than the whole cluster has: TaskManagers that are just starting get a short grace
                request.shortage = main.schedule(() -> {
                    if (totalSlots() < count && pending.remove(request)) {
                        request.cancelTimers();
                        result.completeExceptionally(new NotEnoughSlotsException("Job " + jobId + " needs " + count
                                + " slots but the cluster has " + totalSlots() + " in all (" + taskManagers.size()
                                + " TaskManagers, " + driver.describeCapacity() + "): start more TaskManagers,"
                                + " raise taskmanager.numberOfTaskSlots or lower the parallelism"));
                    }
                }, SHORTAGE_GRACE);
            }
            request.timeout = main.schedule(() -> {
                if (pending.remove(request)) {
                    request.cancelTimers();
                    driver.cancelSurplusRequests(missingSlots());
                    result.completeExceptionally(new NotEnoughSlotsException("Job " + jobId + " could not get "
                            + count + " slots within " + timeout.toSeconds() + " s (" + freeSlots() + " free, "
                            + driver.describeCapacity() + "): raise slot.request.timeout or check the cluster"));
                }
            }, timeout);
        });
        return result;
    }

    private void servePending() {
        while (!pending.isEmpty() && freeSlots() >= pending.peek().count) {
            PendingRequest r = pending.poll();
            r.cancelTimers();
            allocate(r);
        }
    }

    /** Slots the waiting requests need beyond the free ones. */
    private int missingSlots() {
        return Math.max(0, pending.stream().mapToInt(p -> p.count).sum() - freeSlots());
    }

    private int totalSlots() {
        return taskManagers.values().stream().mapToInt(r -> r.owners.length).sum();
    }

    private int freeSlots() {
        return taskManagers.values().stream().mapToInt(Registration::free).sum();
    }

    private void allocate(PendingRequest request) {
        List<SlotOffer> offers = new ArrayList<>();
        List<CompletableFuture<Void>> confirmations = new ArrayList<>();
        for (Registration r : taskManagers.values()) {
            for (int i = 0; i < r.owners.length && offers.size() < request.count; i++) {
                if (r.owners[i] == null) {
                    AllocationID allocation = new AllocationID();
                    r.owners[i] = request.jobId;
                    r.allocations[i] = allocation;
                    r.idleSinceNanos = Long.MAX_VALUE;
                    offers.add(new SlotOffer(allocation, r.gateway.getResourceId(), i, r.gateway.dataAddress()));
                    confirmations.add(r.gateway.allocateSlot(i, request.jobId, allocation));
                }
            }
        }
        CompletableFuture.allOf(confirmations.toArray(new CompletableFuture[0])).whenComplete((v, e) -> {
            if (e != null) {
                main.execute(() -> releaseSlotsNow(request.jobId));
                request.result.completeExceptionally(e);
            } else {
                request.result.complete(offers);
            }
        });
    }

    @Override
    public CompletableFuture<Void> releaseSlots(JobID jobId) {
        return main.call(() -> {
            releaseSlotsNow(jobId);
            withdrawPendingRequests(jobId);
            servePending();
            return null;
        });
    }

    /**
     * Drops the job's requests still waiting for slots (it ended or restarts, and asks anew if it needs slots), so
     * that slots arriving later never go to it, and tells the driver what is still missing.
     */
    private void withdrawPendingRequests(JobID jobId) {
        boolean withdrawn = false;
        for (PendingRequest r : new ArrayList<>(pending)) {
            if (r.jobId.equals(jobId)) {
                pending.remove(r);
                r.cancelTimers();
                r.result.completeExceptionally(new NotEnoughSlotsException("Job " + jobId + " withdrew its request"
                        + " for " + r.count + " slots"));
                withdrawn = true;
            }
        }
        if (withdrawn && driver.canStartTaskManagers()) {
            driver.cancelSurplusRequests(missingSlots());
        }
    }

    /**
     * A TaskManager is gone (its process died, its heartbeats stopped): its slots are forgotten and the jobs that
     * held some are told.
     */
    public void taskManagerLost(ResourceID id, String cause) {
        main.execute(() -> loseNow(id, cause));
    }

    /**
     * A TaskManager is gone, as known through {@code gateway}: ignored when the TaskManager registered again
     * meanwhile (through another gateway), so that news about an old connection never removes a newer one.
     */
    public void taskManagerLost(TaskExecutorGateway gateway, String cause) {
        main.execute(() -> {
            Registration r = taskManagers.get(gateway.getResourceId());
            if (r != null && r.gateway == gateway) {
                loseNow(gateway.getResourceId(), cause);
            }
        });
    }

    private void loseNow(ResourceID id, String cause) {
        Registration r = taskManagers.remove(id);
        if (r == null) {
            return;
        }
        LOG.warn("TaskManager {} lost: {}", id, cause);
        for (JobID job : r.owners) {
            JobMasterGateway owner = job == null ? null : owners.get(job);
            if (owner != null) {
                owner.taskManagerLost(id, cause);
            }
        }
        for (Consumer<TaskExecutorGateway> l : lossListeners) {
            l.accept(r.gateway);
        }
    }

    /** Tells {@code listener}, on the main thread, about every TaskManager that is lost from now on. */
    public void addTaskManagerLossListener(Consumer<TaskExecutorGateway> listener) {
        main.execute(() -> lossListeners.add(listener));
    }

    /**
     * A heartbeat from a TaskManager; completes with whether it is registered (if not, it must give up its slots
     * and register again).
     */
    public CompletableFuture<Boolean> heartbeatFrom(ResourceID id) {
        return main.call(() -> {
            Registration r = taskManagers.get(id);
            if (r != null) {
                r.lastHeartbeatNanos = System.nanoTime();
            }
            return r != null;
        });
    }

    /**
     * From now on, every {@code interval}, declares lost each TaskManager that sent no heartbeat for
     * {@code timeout} (since its last one or its registration).
     */
    public void monitorHeartbeats(Duration interval, Duration timeout) {
        main.schedule(() -> checkHeartbeats(interval, timeout), interval);
    }

    private void checkHeartbeats(Duration interval, Duration timeout) {
        long now = System.nanoTime();
        for (Registration r : new ArrayList<>(taskManagers.values())) {
            long silent = now - r.lastHeartbeatNanos;
            if (silent > timeout.toNanos()) {
                loseNow(r.gateway.getResourceId(), "no heartbeat for " + TimeUnit.NANOSECONDS.toMillis(silent)
                        + " ms (heartbeat.timeout " + timeout.toMillis() + " ms): the process is hung or gone");
            }
        }
        main.schedule(() -> checkHeartbeats(interval, timeout), interval);
    }

    private void releaseSlotsNow(JobID jobId) {
        owners.remove(jobId);
        for (Registration r : taskManagers.values()) {
            for (int i = 0; i < r.owners.length; i++) {
                if (jobId.equals(r.owners[i])) {
                    r.gateway.freeSlot(r.allocations[i]);
                    r.owners[i] = null;
                    r.allocations[i] = null;
                }
            }
            if (r.free() == r.owners.length && r.idleSinceNanos == Long.MAX_VALUE) {
                r.idleSinceNanos = System.nanoTime();
            }
        }
    }

    private static Duration idleCheckInterval(Duration timeout) {
        return timeout.dividedBy(4).compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : timeout.dividedBy(4);
    }

    /** Gives back, through the driver, TaskManagers idle for {@code timeout} while no request waits. */
    private void releaseIdle(Duration timeout) {
        long now = System.nanoTime();
        if (pending.isEmpty()) {
            for (Registration r : new ArrayList<>(taskManagers.values())) {
                if (r.idleSinceNanos != Long.MAX_VALUE && now - r.idleSinceNanos > timeout.toNanos()) {
                    ResourceID id = r.gateway.getResourceId();
                    LOG.info("Releasing TaskManager {}: its {} slots were free for {} ms"
                            + " (resourcemanager.taskmanager-timeout)", id, r.owners.length, timeout.toMillis());
                    taskManagers.remove(id);
                    for (Consumer<TaskExecutorGateway> l : lossListeners) {
                        l.accept(r.gateway);
                    }
                    driver.releaseTaskManager(id);
                }
            }
        }
        main.schedule(() -> releaseIdle(timeout), idleCheckInterval(timeout));
    }

    @Override
    public void close() {
        driver.close();
        main.close();
    }

    /** A TaskManager and the job owning each of its slots (null when free). */
    private static final class Registration {
        final TaskExecutorGateway gateway;
        final JobID[] owners;
        final AllocationID[] allocations;
        long lastHeartbeatNanos = System.nanoTime();
        /** Since when every slot is free, {@code Long.MAX_VALUE} while some slot is allocated. */
        long idleSinceNanos = System.nanoTime();

        Registration(TaskExecutorGateway gateway, int slots) {
            this.gateway = gateway;
            this.owners = new JobID[slots];
            this.allocations = new AllocationID[slots];
        }

        int free() {
            int n = 0;
            for (JobID o : owners) {
                n += o == null ? 1 : 0;
            }
            return n;
        }
    }

    /** What the driver may ask; called on the main thread. */
    private final class DriverActions implements ResourceManagerActions {
        @Override
        public void taskManagerGone(ResourceID id, String cause) {
            loseNow(id, cause);
        }

        @Override
        public void requestMissingTaskManagers() {
            int missing = missingSlots();
            if (missing > 0) {
                try {
                    driver.startTaskManagers(missing);
                } catch (NotEnoughSlotsException e) {
                    failPendingRequests(e.getMessage());
                }
            }
        }

        @Override
        public void failPendingRequests(String cause) {
            while (!pending.isEmpty()) {
                PendingRequest r = pending.poll();
                r.cancelTimers();
                r.result.completeExceptionally(new NotEnoughSlotsException("Job " + r.jobId + " cannot get "
                        + r.count + " slots: " + cause));
            }
            driver.cancelSurplusRequests(0);
        }
    }

    /** A job's request for slots, waiting for TaskManagers. */
    private static final class PendingRequest {
        final JobID jobId;
        final int count;
        final CompletableFuture<List<SlotOffer>> result;
        ScheduledFuture<?> timeout;
        ScheduledFuture<?> shortage;
        final long sinceNanos = System.nanoTime();

        PendingRequest(JobID jobId, int count, CompletableFuture<List<SlotOffer>> result) {
            this.jobId = jobId;
            this.count = count;
            this.result = result;
        }

        void cancelTimers() {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (shortage != null) {
                shortage.cancel(false);
            }
        }
    }
}
