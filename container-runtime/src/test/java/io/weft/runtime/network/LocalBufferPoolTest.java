package io.weft.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.runtime.testing.BackgroundCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// a safety net only: every wait in these tests is bounded well below it
@Timeout(60)
class LocalBufferPoolTest {
    private final NetworkBufferPool global = new NetworkBufferPool(8, 64);

    @Test
    void availabilityTurnsFalseAtTheMaximum_andItsFutureCompletesWhenABufferIsRecycled() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 1, 2, "p");
        assertThat(pool.isAvailable()).isTrue();
        Buffer first = pool.requestBufferBlocking();
        assertThat(pool.isAvailable()).as("one more within the maximum").isTrue();
        Buffer second = pool.requestBufferBlocking();
        assertThat(pool.isAvailable()).as("at the maximum").isFalse();
        java.util.concurrent.CompletableFuture<Void> available = pool.availability();
        assertThat(available).isNotDone();

        first.recycle();
        assertThat(available).isDone();
        assertThat(pool.isAvailable()).isTrue();
        assertThat(pool.availability()).isDone();
        pool.requestBufferBlocking().recycle();
        second.recycle();
        pool.destroy();
        assertThat(pool.availability()).as("a destroyed pool waits for nothing: requests fail at once").isDone();
    }

    @Test
    void aPoolHeldBackOnlyByTheTaskManagerSeesFreedSegmentsWhenItLooksAgain() throws Exception {
        NetworkBufferPool small = new NetworkBufferPool(3, 64);
        LocalBufferPool mine = new LocalBufferPool(small, 1, 3, "mine");
        LocalBufferPool other = new LocalBufferPool(small, 1, 3, "other");
        mine.requestBufferBlocking();
        Buffer othersExcess = other.requestBufferBlocking();
        Buffer third = other.requestBufferBlocking();
        assertThat(mine.availability()).as("the TaskManager has no segment left").isNotDone();

        third.recycle(); // an excess segment goes back to the TaskManager, not to 'mine'
        assertThat(mine.isAvailable()).as("the cheap check lags").isFalse();
        assertThat(mine.availability()).as("looking again").isDone();
        othersExcess.recycle();
    }

    @Test
    void requestedBuffersAreEmptyDataBuffersOfTheSegmentSize() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 1, 2, "p");
        Buffer b = pool.requestBufferBlocking();
        assertThat(b.isData()).isTrue();
        assertThat(b.kind()).isEqualTo(Buffer.Kind.DATA);
        assertThat(b.capacity()).isEqualTo(64);
        assertThat(b.size()).isZero();
        assertThat(pool.taken()).isEqualTo(1);
        assertThat(global.availableSegments()).isEqualTo(7);
    }

    @Test
    void producerBlocksAtTheMaximumAndResumesWhenABufferIsRecycled() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 1, 2, "p");
        Buffer first = pool.requestBufferBlocking();
        pool.requestBufferBlocking();
        try (BackgroundCall<Buffer> producer = BackgroundCall.start("producer", pool::requestBufferBlocking)) {
            producer.assertBlocked();
            assertThat(pool.taken()).isEqualTo(2);
            first.recycle();
            Buffer third = producer.await();
            assertThat(third.isData()).isTrue();
            assertThat(pool.taken()).isEqualTo(2);
        }
    }

    @Test
    void onlyTheTimeAProducerWaitsCountsAsBackpressure() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 1, 1, "p");
        Buffer first = pool.requestBufferBlocking();
        assertThat(pool.backPressuredNanos()).as("served at once").isZero();
        try (BackgroundCall<Buffer> producer = BackgroundCall.start("producer", pool::requestBufferBlocking)) {
            producer.assertBlocked();
            first.recycle();
            producer.await();
        }
        assertThat(pool.backPressuredNanos()).isPositive();
    }

    @Test
    void producerAtTheMaximumStaysBlockedWhileTheTaskManagerHasFreeSegments() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 2, 2, "p");
        pool.requestBufferBlocking();
        pool.requestBufferBlocking();
        try (BackgroundCall<Buffer> producer = BackgroundCall.start("producer", pool::requestBufferBlocking)) {
            producer.assertBlocked();
            assertThat(global.availableSegments()).isEqualTo(6);
        }
    }

    @Test
    void recycledBufferWithinTheReserveStaysInTheLocalPool() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 2, 4, "p");
        Buffer a = pool.requestBufferBlocking();
        pool.requestBufferBlocking();
        a.recycle();
        assertThat(pool.taken()).isEqualTo(2);
        assertThat(global.availableSegments()).isEqualTo(6);
        assertThat(pool.requestBufferBlocking().memory()).isSameAs(a.memory());
    }

    @Test
    void recycledBufferBeyondTheReserveGoesBackToTheTaskManager() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 1, 4, "p");
        List<Buffer> buffers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            buffers.add(pool.requestBufferBlocking());
        }
        assertThat(global.availableSegments()).isEqualTo(5);
        buffers.get(0).recycle();
        assertThat(pool.taken()).isEqualTo(2);
        assertThat(global.availableSegments()).isEqualTo(6);
    }

    @Test
    void recycledBufferIsReusedWithItsSizeReset() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 1, 1, "p");
        Buffer a = pool.requestBufferBlocking();
        a.setSize(40);
        a.recycle();
        assertThat(pool.requestBufferBlocking().size()).isZero();
    }

    @Test
    void destroyReturnsCachedSegmentsAndLaterRecycledOnes() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 2, 2, "p");
        Buffer a = pool.requestBufferBlocking();
        Buffer b = pool.requestBufferBlocking();
        a.recycle();
        pool.destroy();
        assertThat(global.availableSegments()).isEqualTo(7);
        b.recycle();
        assertThat(global.availableSegments()).isEqualTo(8);
        assertThat(pool.taken()).isZero();
        pool.destroy();
        // the reservation was returned exactly once
        new LocalBufferPool(global, 8, 8, "all");
    }

    @Test
    void requestAfterDestroyFailsNamingTheOwner() {
        LocalBufferPool pool = new LocalBufferPool(global, 1, 1, "Map (2/4)");
        pool.destroy();
        assertThatThrownBy(pool::requestBufferBlocking).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Map (2/4)").hasMessageContaining("released");
    }

    @Test
    void destroyWakesABlockedProducerWithAnError() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 1, 1, "Map (1/1)");
        pool.requestBufferBlocking();
        try (BackgroundCall<Buffer> producer = BackgroundCall.start("producer", pool::requestBufferBlocking)) {
            producer.assertBlocked();
            pool.destroy();
            assertThat(producer.awaitFailure()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Map (1/1)");
        }
    }

    @Test
    void interruptingABlockedProducerEndsItsWait() throws Exception {
        LocalBufferPool pool = new LocalBufferPool(global, 1, 1, "p");
        pool.requestBufferBlocking();
        try (BackgroundCall<Buffer> producer = BackgroundCall.start("producer", pool::requestBufferBlocking)) {
            producer.assertBlocked();
            producer.thread().interrupt();
            assertThat(producer.awaitFailure()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void poolBelowItsMaximumWaitsForTheTaskManagerToGetASegmentBack() throws Exception {
        LocalBufferPool hungry = new LocalBufferPool(global, 1, 8, "hungry");
        LocalBufferPool other = new LocalBufferPool(global, 1, 8, "other");
        List<Buffer> held = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            held.add(hungry.requestBufferBlocking());
        }
        other.requestBufferBlocking();
        assertThat(global.availableSegments()).isZero();
        try (BackgroundCall<Buffer> producer = BackgroundCall.start("other producer", other::requestBufferBlocking)) {
            producer.assertBlocked();
            held.get(0).recycle();
            assertThat(producer.await().isData()).isTrue();
        }
    }

    @Test
    void reservedSegmentsAreAvailableEvenWhenAnotherPoolTookEverythingElse() throws Exception {
        NetworkBufferPool tm = new NetworkBufferPool(4, 64);
        LocalBufferPool greedy = new LocalBufferPool(tm, 1, 4, "greedy");
        LocalBufferPool guaranteed = new LocalBufferPool(tm, 3, 3, "guaranteed");
        try (BackgroundCall<Integer> greedyProducer = BackgroundCall.start("greedy producer", () -> {
            int n = 0;
            while (n < 4) {
                greedy.requestBufferBlocking();
                n++;
            }
            return n;
        })) {
            greedyProducer.awaitDoneOrBlocked();
            // whether or not the greedy pool may exceed its reserve, the other pool's three reserved segments
            // must be obtainable without waiting for anyone to recycle
            try (BackgroundCall<Integer> reserved = BackgroundCall.start("guaranteed producer", () -> {
                for (int i = 0; i < 3; i++) {
                    guaranteed.requestBufferBlocking();
                }
                return 3;
            })) {
                assertThat(reserved.await()).isEqualTo(3);
            }
            assertThat(greedy.taken()).as("the greedy pool holds at most its reserve plus unreserved segments")
                    .isLessThanOrEqualTo(1);
        }
    }
}
