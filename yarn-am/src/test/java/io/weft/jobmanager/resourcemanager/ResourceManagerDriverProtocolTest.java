package io.weft.jobmanager.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobID;
import io.weft.runtime.JobMasterGateway;
import io.weft.runtime.ResourceID;
import io.weft.runtime.SlotOffer;
import io.weft.runtime.TaskExecutionState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the ResourceManager asks of a driver that starts TaskManagers: the slots missing over all waiting requests,
 * withdrawal of a job's waiting request when it releases its slots, and idle TaskManagers given back.
 */
class ResourceManagerDriverProtocolTest {
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final JobMasterGateway owner = new JobMasterGateway() {
        @Override
        public void updateTaskExecutionState(TaskExecutionState state) {
        }

        @Override
        public void taskManagerLost(ResourceID taskManager, String cause) {
        }
    };
    private ResourceManager rm;

    @AfterEach
    void close() {
        if (rm != null) {
            rm.close();
        }
        assertThat(fatal.get()).isNull();
    }

    @Test
    void missingSlotsAreCountedOverEveryWaitingRequest() {
        RecordingDriver driver = new RecordingDriver(null);
        rm = new ResourceManager(driver, fatal::set);

        rm.requestSlots(JobID.generate(), owner, 2, Duration.ofSeconds(30));
        rm.requestSlots(JobID.generate(), owner, 3, Duration.ofSeconds(30));
        rm.taskManagerInfos().join();

        assertThat(driver.started).containsExactly(2, 5);
    }

    @Test
    void whatAJobWaitsForIsToldUntilItsSlotsArrive() {
        RecordingDriver driver = new RecordingDriver(null);
        rm = new ResourceManager(driver, fatal::set);
        JobID job = JobID.generate();
        CompletableFuture<List<SlotOffer>> request = rm.requestSlots(job, owner, 2, Duration.ofSeconds(30));

        assertThat(rm.waitingFor(job).join()).hasValueSatisfying(waiting -> assertThat(waiting)
                .startsWith("2 slots (0 free, 0 in all; " + driver.describeCapacity() + "), for ")
                .endsWith(" s"));
        assertThat(rm.waitingFor(JobID.generate()).join()).isEmpty();
        rm.registerTaskExecutor(new StubTaskExecutor(new ResourceID()), 2).join();
        assertThat(request.join()).hasSize(2);
        assertThat(rm.waitingFor(job).join()).isEmpty();
    }

    @Test
    void aJobReleasingItsSlotsWithdrawsItsWaitingRequestSoLateSlotsStayFree() throws Exception {
        RecordingDriver driver = new RecordingDriver(null);
        rm = new ResourceManager(driver, fatal::set);
        JobID job = JobID.generate();
        CompletableFuture<List<SlotOffer>> request = rm.requestSlots(job, owner, 2, Duration.ofSeconds(30));

        rm.releaseSlots(job).join();
        ResourceID late = new ResourceID();
        rm.registerTaskExecutor(new StubTaskExecutor(late), 2).join();

        assertThatThrownBy(request::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NotEnoughSlotsException.class).hasMessageContaining("withdrew");
        assertThat(driver.cancelled).containsExactly(0);
        assertThat(rm.taskManagerInfos().join()).singleElement().satisfies(i -> assertThat(i.freeSlots()).isEqualTo(2));
    }

    @Test
    void idleTaskManagersAreGivenBackOnlyWhileNoRequestWaits() throws Exception {
        RecordingDriver driver = new RecordingDriver(Duration.ofMillis(300));
        rm = new ResourceManager(driver, fatal::set);
        ResourceID id = new ResourceID();
        rm.registerTaskExecutor(new StubTaskExecutor(id), 1).join();
        JobID job = JobID.generate();
        rm.requestSlots(job, owner, 1, Duration.ofSeconds(30)).join();
        Thread.sleep(600);
        assertThat(driver.released).as("busy TaskManager").isEmpty();

        rm.releaseSlots(job).join();
        await("the idle TaskManager released", () -> !driver.released.isEmpty());

        assertThat(driver.released).containsExactly(id);
        assertThat(rm.taskManagerInfos().join()).isEmpty();
    }

    @Test
    void aDriverMayRefuseRegistrations() {
        RecordingDriver driver = new RecordingDriver(null);
        driver.refuseRegistrations = true;
        rm = new ResourceManager(driver, fatal::set);

        assertThatThrownBy(() -> rm.registerTaskExecutor(new StubTaskExecutor(new ResourceID()), 1).join())
                .hasCauseInstanceOf(RegistrationRefusedException.class);
        assertThat(rm.taskManagerInfos().join()).isEmpty();
        assertThat(driver.registered).isEmpty();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
