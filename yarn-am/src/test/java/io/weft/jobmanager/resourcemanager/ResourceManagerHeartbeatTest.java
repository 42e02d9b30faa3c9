package io.weft.jobmanager.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.JobID;
import io.weft.runtime.JobMasterGateway;
import io.weft.runtime.ResourceID;
import io.weft.runtime.TaskExecutionState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ResourceManager's heartbeat monitor and its handling of TaskManagers that register again. */
class ResourceManagerHeartbeatTest {
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final ResourceManager rm = new ResourceManager(new StandaloneResourceDriver(), fatal::set);
    private final List<String> lost = new CopyOnWriteArrayList<>();
    private final JobMasterGateway owner = new JobMasterGateway() {
        @Override
        public void updateTaskExecutionState(TaskExecutionState state) {
        }

        @Override
        public void taskManagerLost(ResourceID taskManager, String cause) {
            lost.add(taskManager + ": " + cause);
        }
    };

    @AfterEach
    void close() {
        rm.close();
        assertThat(fatal.get()).isNull();
    }

    private int registered() {
        return rm.taskManagerInfos().join().size();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aTaskManagerWhoseHeartbeatsStopIsLostAndItsJobToldWhileOneThatBeatsStays() throws Exception {
        StubTaskExecutor silent = new StubTaskExecutor(new ResourceID());
        StubTaskExecutor beating = new StubTaskExecutor(new ResourceID());
        rm.registerTaskExecutor(silent, 1).join();
        rm.registerTaskExecutor(beating, 1).join();
        JobID job = JobID.generate();
        rm.requestSlots(job, owner, 2, Duration.ofSeconds(5)).join();
        rm.monitorHeartbeats(Duration.ofMillis(100), Duration.ofMillis(1500));
        long start = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(3000)) {
            assertThat(rm.heartbeatFrom(beating.getResourceId()).join()).isTrue();
            Thread.sleep(50);
        }
        assertThat(registered()).isEqualTo(1);
        assertThat(rm.taskManagerInfos().join().get(0).id()).isEqualTo(beating.getResourceId());
        assertThat(lost).singleElement().asString().startsWith(silent.getResourceId() + ": no heartbeat for");
        assertThat(rm.heartbeatFrom(silent.getResourceId()).join()).as("a lost TaskManager must register again")
                .isFalse();
    }

    @Test
    void newsAboutAnOldConnectionNeverRemovesANewerRegistration() throws Exception {
        ResourceID id = new ResourceID();
        StubTaskExecutor first = new StubTaskExecutor(id);
        StubTaskExecutor second = new StubTaskExecutor(id);
        rm.registerTaskExecutor(first, 2).join();
        JobID job = JobID.generate();
        rm.requestSlots(job, owner, 1, Duration.ofSeconds(5)).join();
        rm.registerTaskExecutor(second, 2).join();
        // registering again gives up the old slots: the job holding one is told
        await("the job told of the lost slots", () -> lost.size() == 1);
        rm.taskManagerLost(first, "connection to the old registration lost");
        assertThat(registered()).isEqualTo(1);
        assertThat(rm.taskManagerInfos().join().get(0).freeSlots()).isEqualTo(2);
        rm.taskManagerLost(second, "connection lost");
        await("the TaskManager removed", () -> registered() == 0);
    }
}
