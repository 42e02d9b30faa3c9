package io.weft.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.runtime.ResourceID;
import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.testing.BackgroundCall;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The ResultPartitionManager and the PartitionDirectory that finds it: how consumers find their producers. */
class ResultPartitionManagerTest {
    private final NetworkBufferPool global = new NetworkBufferPool(16, 64);
    private final ResultPartitionManager manager = new ResultPartitionManager();

    private ResultPartition partition(ResultPartitionID id) {
        return new ResultPartition(id, 2, new LocalBufferPool(global, 0, 4, id.toString()), () -> { });
    }

    @Test
    void registeredPartitionIsFoundAtOnce() {
        ResultPartitionID id = NetworkFixture.newPartitionId(0);
        ResultPartition p = partition(id);
        manager.register(p);
        CompletableFuture<ResultPartition> f = manager.getPartition(id);
        assertThat(f).isCompletedWithValue(p);
        assertThat(manager.numberOfPartitions()).isEqualTo(1);
    }

    @Test
    void requestBeforeRegistrationCompletesOnTheRegisteringThread() throws Exception {
        ResultPartitionID id = NetworkFixture.newPartitionId(1);
        CompletableFuture<ResultPartition> f = manager.getPartition(id);
        assertThat(f).isNotDone();
        assertThat(manager.getPartition(id)).as("repeated requests share one future").isSameAs(f);
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        f.thenRun(() -> completedOn.set(Thread.currentThread()));
        ResultPartition p = partition(id);
        try (BackgroundCall<Thread> producer = BackgroundCall.start("producer", () -> {
            manager.register(p);
            return Thread.currentThread();
        })) {
            Thread registering = producer.await();
            assertThat(f).isCompletedWithValue(p);
            assertThat(completedOn.get()).isSameAs(registering);
        }
    }

    @Test
    void otherPartitionsDoNotCompleteARequest() {
        ResultPartitionID wanted = NetworkFixture.newPartitionId(0);
        CompletableFuture<ResultPartition> f = manager.getPartition(wanted);
        manager.register(partition(NetworkFixture.newPartitionId(0)));
        assertThat(f).isNotDone();
    }

    @Test
    void unregisterForgetsThePartitionAndCancelsWaitingRequests() {
        ResultPartitionID registered = NetworkFixture.newPartitionId(0);
        manager.register(partition(registered));
        manager.unregister(registered);
        assertThat(manager.numberOfPartitions()).isZero();
        assertThat(manager.getPartition(registered)).isNotDone();
        ResultPartitionID waiting = NetworkFixture.newPartitionId(1);
        CompletableFuture<ResultPartition> f = manager.getPartition(waiting);
        manager.unregister(waiting);
        assertThat(f).isCancelled();
    }

    @Test
    void cancelWaitingDropsOnlyTheNamedRequests() {
        ResultPartitionID gone = NetworkFixture.newPartitionId(0);
        ResultPartitionID kept = NetworkFixture.newPartitionId(1);
        CompletableFuture<ResultPartition> goneFuture = manager.getPartition(gone);
        CompletableFuture<ResultPartition> keptFuture = manager.getPartition(kept);
        manager.cancelWaiting(List.of(gone));
        assertThat(goneFuture).isCancelled();
        assertThat(keptFuture).isNotDone();
        ResultPartition p = partition(kept);
        manager.register(p);
        assertThat(keptFuture).isCompletedWithValue(p);
    }

    @Test
    void waitIsDroppedOnlyWhenEveryRequesterAbandonedIt() {
        ResultPartitionID id = NetworkFixture.newPartitionId(0);
        CompletableFuture<ResultPartition> first = manager.getPartition(id);
        CompletableFuture<ResultPartition> second = manager.getPartition(id);
        manager.abandonWaiting(id, first);
        assertThat(second).as("another requester still waits").isNotDone();
        assertThat(manager.numberOfWaitingPartitions()).isEqualTo(1);
        manager.abandonWaiting(id, second);
        assertThat(second).isCancelled();
        assertThat(manager.numberOfWaitingPartitions()).isZero();
        CompletableFuture<ResultPartition> later = manager.getPartition(id);
        manager.abandonWaiting(id, first);
        assertThat(later).as("abandoning a dropped wait touches no newer one").isNotDone();
    }

    @Test
    void localConnectorWithdrawsACancelledRequestAndDeliversTheSubpartitionOfARegisteredOne() {
        ResultPartitionID waitedFor = NetworkFixture.newPartitionId(0);
        CompletableFuture<SubpartitionView> withdrawn = LocalPartitionConnector.viewOf(manager, waitedFor, 1);
        withdrawn.cancel(false);
        assertThat(manager.numberOfWaitingPartitions()).isZero();
        CompletableFuture<SubpartitionView> view = LocalPartitionConnector.viewOf(manager, waitedFor, 1);
        ResultPartition p = partition(waitedFor);
        manager.register(p);
        assertThat(view).isCompletedWithValue(p.subpartition(1));
    }

    @Test
    void directoryFindsTheManagerOfATaskManagerInThisJvm() {
        PartitionDirectory directory = new PartitionDirectory();
        ResourceID tm = new ResourceID(1L, 2L);
        directory.register(tm, manager);
        assertThat(directory.managerOf(tm)).isSameAs(manager);
        assertThat(directory.managerOf(new ResourceID(1L, 2L))).isSameAs(manager);
    }

    @Test
    void directoryReportsAnUnknownTaskManagerAsPossiblyLost() {
        PartitionDirectory directory = new PartitionDirectory();
        ResourceID tm = new ResourceID(0xabL, 0xcdL);
        directory.register(tm, manager);
        directory.unregister(tm);
        assertThatThrownBy(() -> directory.managerOf(tm))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(tm.toString())
                .hasMessageContaining("lost");
    }
}
