package io.weft.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.IntermediateDataSetID;
import io.weft.runtime.checkpoint.AlignmentType;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.checkpoint.CheckpointType;
import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.network.BufferOrEvent;
import io.weft.runtime.network.InputChannel;
import io.weft.runtime.network.InputGate;
import io.weft.runtime.network.LocalBufferPool;
import io.weft.runtime.network.NetworkBufferPool;
import io.weft.runtime.network.ResultPartition;
import io.weft.runtime.network.RuntimeEvent;
import io.weft.runtime.network.RuntimeEvent.CancelCheckpointMarker;
import io.weft.runtime.network.RuntimeEvent.CheckpointBarrier;
import io.weft.types.BasicSerializers;
import io.weft.types.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarrierAlignerTest {
    private final NetworkBufferPool global = new NetworkBufferPool(64, 64);
    private final InputGate gate = new InputGate(() -> { });
    private final List<ResultPartition> producers = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final BarrierAligner aligner = new BarrierAligner(gate, new BarrierAligner.Actions() {
        @Override
        public void checkpointReady(CheckpointBarrier barrier) {
            actions.add("ready " + barrier.checkpointId() + " blocked " + blocked());
        }

        @Override
        public void checkpointAbandoned(long checkpointId, String reason) {
            actions.add("abandoned " + checkpointId + ": " + reason);
        }
    });

    @Test
    void alignedBarriersHoldEachChannelUntilTheLastOneArrives_thenTheCheckpointIsReadyAndAllResume()
            throws Exception {
        channels(3);
        send(1, barrier(1, AlignmentType.ALIGNED));
        deliverAll();
        assertThat(blocked()).containsExactly(1);
        send(0, barrier(1, AlignmentType.ALIGNED));
        deliverAll();
        assertThat(blocked()).containsExactly(0, 1);
        assertThat(actions).isEmpty();
        send(2, barrier(1, AlignmentType.ALIGNED));
        deliverAll();
        assertThat(actions).containsExactly("ready 1 blocked [0, 1, 2]");
        assertThat(blocked()).as("resumed after the snapshot").isEmpty();
        assertThat(aligner.aligningCheckpoint()).isZero();
    }

    @Test
    void atLeastOnceHoldsNothing() throws Exception {
        channels(2);
        send(0, barrier(4, AlignmentType.AT_LEAST_ONCE));
        deliverAll();
        assertThat(blocked()).isEmpty();
        send(1, barrier(4, AlignmentType.AT_LEAST_ONCE));
        deliverAll();
        assertThat(actions).containsExactly("ready 4 blocked []");
    }

    @Test
    void aNewerBarrierAbandonsTheCheckpointBeingAligned_andLateBarriersOfItAreIgnored() throws Exception {
        channels(2);
        send(0, barrier(1, AlignmentType.ALIGNED));
        deliverAll();
        // channel 0 is held, so checkpoint 2 arrives through channel 1 first
        send(1, barrier(2, AlignmentType.ALIGNED));
        send(0, barrier(2, AlignmentType.ALIGNED));
        deliverAll();
        send(1, barrier(1, AlignmentType.ALIGNED));
        deliverAll();
        assertThat(actions).containsExactly("abandoned 1: checkpoint 2 started before it was aligned",
                "ready 2 blocked [0, 1]");
    }

    @Test
    void aCancelMarkerAbandonsTheCheckpointAndReleasesItsChannels_once() throws Exception {
        channels(2);
        send(0, barrier(3, AlignmentType.ALIGNED));
        deliverAll();
        send(1, new CancelCheckpointMarker(3));
        deliverAll();
        assertThat(blocked()).isEmpty();
        send(0, new CancelCheckpointMarker(3));
        send(1, barrier(3, AlignmentType.ALIGNED));
        deliverAll();
        send(1, new CancelCheckpointMarker(5));
        deliverAll();
        assertThat(actions).containsExactly("abandoned 3: it was cancelled upstream",
                "abandoned 5: it was cancelled upstream");
    }

    @Test
    void anEndedChannelCountsAsAligned() throws Exception {
        channels(2);
        send(0, barrier(1, AlignmentType.ALIGNED));
        deliverAll();
        producers.get(1).finish();
        deliverAll();
        assertThat(actions).containsExactly("ready 1 blocked [0]");
        send(0, barrier(2, AlignmentType.ALIGNED));
        deliverAll();
        assertThat(actions).last().isEqualTo("ready 2 blocked [0]");
    }

    private void channels(int n) {
        for (int i = 0; i < n; i++) {
            ResultPartitionID id = new ResultPartitionID(new IntermediateDataSetID(), i, new ExecutionAttemptID());
            ResultPartition p = new ResultPartition(id, 1, new LocalBufferPool(global, 1, 4, "p" + i), () -> { });
            producers.add(p);
            InputChannel c = gate.addChannel(id, strings());
            gate.connect(c, p.subpartition(0));
        }
    }

    private void send(int channel, RuntimeEvent event) {
        producers.get(channel).broadcastEvent(event);
    }

    /** Hands the aligner every event the gate delivers now, as the task does. */
    private void deliverAll() throws Exception {
        for (BufferOrEvent n = gate.pollNext(); n != null; n = gate.pollNext()) {
            RuntimeEvent e = n.event();
            if (e instanceof CheckpointBarrier b) {
                aligner.onBarrier(n.channel(), b);
            } else if (e instanceof CancelCheckpointMarker m) {
                aligner.onCancelMarker(m.checkpointId());
            } else if (e instanceof RuntimeEvent.EndOfPartition) {
                aligner.onChannelFinished();
            }
        }
    }

    /** The indexes of the channels that the gate holds now (probed: a held channel delivers nothing). */
    private List<Integer> blocked() {
        List<Integer> held = new ArrayList<>();
        for (InputChannel c : gate.channels()) {
            if (gate.isBlocked(c)) {
                held.add(c.index());
            }
        }
        return held;
    }

    private static CheckpointBarrier barrier(long id, AlignmentType alignment) {
        return new CheckpointBarrier(id, 0, new CheckpointOptions(CheckpointType.CHECKPOINT, alignment, 0, ""));
    }

    @SuppressWarnings("unchecked")
    private static TypeSerializer<Object> strings() {
        return (TypeSerializer<Object>) (TypeSerializer<?>) BasicSerializers.STRING;
    }
}
