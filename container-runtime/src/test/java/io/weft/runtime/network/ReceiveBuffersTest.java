package io.weft.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The receive memory of a remote input channel: exclusive segments come back as credit, floating ones go back to
 * the TaskManager and the gate's budget, and everything returns once the channel is destroyed.
 */
class ReceiveBuffersTest {
    private final NetworkBufferPool global = new NetworkBufferPool(16, 64);
    private final FloatingBufferBudget gate = new FloatingBufferBudget(3);
    private final AtomicInteger credits = new AtomicInteger();

    private ReceiveBuffers channel(int exclusive) {
        ReceiveBuffers b = ReceiveBuffers.allocate(global, exclusive, gate, "test channel");
        b.setCreditListener(credits::incrementAndGet);
        return b;
    }

    private static List<Buffer> takeAll(ReceiveBuffers b) {
        List<Buffer> taken = new ArrayList<>();
        for (Buffer x = b.tryTake(); x != null; x = b.tryTake()) {
            taken.add(x);
        }
        return taken;
    }

    @Test
    void exclusiveSegmentsAreTheInitialCreditAndComeBackAsCredit() {
        ReceiveBuffers b = channel(2);
        assertThat(b.free()).isEqualTo(2);
        List<Buffer> taken = takeAll(b);
        assertThat(taken).hasSize(2);
        assertThat(b.tryTake()).as("no credit, no segment").isNull();

        taken.get(0).recycle();

        assertThat(credits.get()).isEqualTo(1);
        assertThat(b.free()).isEqualTo(1);
    }

    @Test
    void floatingSegmentsAreBoundedByTheGatesBudgetAndGoBackWhenRead() {
        ReceiveBuffers first = channel(1);
        ReceiveBuffers second = channel(1);
        assertThat(first.borrowFloating(2)).isEqualTo(2);
        assertThat(second.borrowFloating(5)).as("the gate's budget is 3").isEqualTo(1);
        assertThat(gate.used()).isEqualTo(3);

        List<Buffer> taken = takeAll(first);
        assertThat(taken).hasSize(3);
        taken.forEach(Buffer::recycle);

        assertThat(gate.used()).as("floating segments went back").isEqualTo(1);
        assertThat(credits.get()).as("only the exclusive one is credit again").isEqualTo(1);
        assertThat(first.free()).isEqualTo(1);
    }

    @Test
    void destroyReturnsEverySegmentAndTheReservation() {
        ReceiveBuffers b = channel(2);
        b.borrowFloating(1);
        Buffer reading = b.tryTake();
        b.destroy();
        assertThat(b.tryTake()).isNull();
        reading.recycle();

        assertThat(global.availableSegments()).isEqualTo(16);
        assertThat(gate.used()).isZero();
        assertThat(credits.get()).as("nothing to announce once destroyed").isZero();
        new LocalBufferPool(global, 16, 16, "the whole reserve is free again").destroy();
    }

    @Test
    void tooLittleNetworkMemoryIsReportedWithTheOptionToRaise() {
        new LocalBufferPool(global, 15, 15, "someone else");
        assertThatThrownBy(() -> channel(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test channel").hasMessageContaining("taskmanager.memory.network.max");
    }
}
