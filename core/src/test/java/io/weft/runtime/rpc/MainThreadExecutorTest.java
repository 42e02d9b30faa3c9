package io.weft.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MainThreadExecutorTest {
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();

    @Test
    void callsQueuedWhenTheExecutorClosesFailInsteadOfHangingForever() throws Exception {
        MainThreadExecutor main = new MainThreadExecutor("test-main", fatal::set);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        main.execute(() -> {
            busy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queued.add(main.call(() -> 1));
        }
        main.close();
        release.countDown();
        for (CompletableFuture<Integer> f : queued) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("test-main was shut down");
        }
        assertThat(fatal.get()).isNull();
    }

    @Test
    void afterCloseCallsFailAtOnceAndOtherTasksAreDroppedWithoutAFatalError() {
        MainThreadExecutor main = new MainThreadExecutor("test-closed", fatal::set);
        main.close();
        assertThat(main.call(() -> 1)).isCompletedExceptionally();
        main.execute(() -> fatal.set(new AssertionError("ran after close")));
        var scheduled = main.schedule(() -> fatal.set(new AssertionError("ran after close")), Duration.ZERO);
        assertThat(scheduled.isCancelled()).isTrue();
        assertThat(scheduled.cancel(false)).isFalse();
        assertThat(fatal.get()).isNull();
    }
}
