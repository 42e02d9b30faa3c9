package io.weft.runtime.tasks;

import io.weft.runtime.network.InputChannel;
import io.weft.runtime.network.InputGate;
import io.weft.runtime.network.RuntimeEvent.CheckpointBarrier;
import java.util.BitSet;

/**
 * Decides, for a task with input channels, when a checkpoint's barriers have all arrived: aligned (exactly-once),
 * a channel that delivered barrier n is held in the gate until every channel has, so no record after the barrier
 * is processed before the snapshot; at-least-once, nothing is held and the snapshot is taken at the last barrier.
 * A channel that has ended counts as having delivered every barrier. A barrier of a newer checkpoint abandons the
 * one being aligned, and so does its cancel marker; barriers of checkpoints older than the newest seen are
 * ignored.
 *
 * <p>States: IDLE (no checkpoint pending) ⇄ ALIGNING (some barriers of {@code pending} arrived). Task thread
 * only, like the gate it holds channels of.
 */
final class BarrierAligner {
    /** What the task does when a checkpoint is ready or abandoned; called on the task thread. */
    interface Actions {
        /** Every channel delivered the barrier: snapshot, and pass the barrier on. Held channels resume after. */
        void checkpointReady(CheckpointBarrier barrier) throws Exception;

        /** The checkpoint will not complete here: pass a cancel marker on. */
        void checkpointAbandoned(long checkpointId, String reason) throws Exception;
    }

    private final InputGate gate;
    private final Actions actions;
    private final BitSet arrived = new BitSet();
    private long newestSeen;
    private CheckpointBarrier pending;

    BarrierAligner(InputGate gate, Actions actions) {
        this.gate = gate;
        this.actions = actions;
    }

    /** The id of the checkpoint being aligned, or 0. */
    long aligningCheckpoint() {
        return pending == null ? 0 : pending.checkpointId();
    }

    void onBarrier(InputChannel channel, CheckpointBarrier barrier) throws Exception {
        long id = barrier.checkpointId();
        if (id < newestSeen || (id == newestSeen && pending == null)) {
            return; // of a checkpoint completed or abandoned here already
        }
        if (id > newestSeen) {
            if (pending != null) {
                abandon("checkpoint " + id + " started before it was aligned");
            }
            newestSeen = id;
            pending = barrier;
        }
        arrived.set(channel.index());
        if (barrier.options().holdsChannels()) {
            gate.block(channel);
        }
        completeIfAligned();
    }

    void onCancelMarker(long checkpointId) throws Exception {
        if (checkpointId < newestSeen || (checkpointId == newestSeen && pending == null)) {
            return;
        }
        if (pending != null) {
            abandon("it was cancelled upstream");
        } else {
            newestSeen = checkpointId;
            actions.checkpointAbandoned(checkpointId, "it was cancelled upstream");
        }
    }

    /** A channel delivered its end of partition: it holds up no alignment any more. */
    void onChannelFinished() throws Exception {
        completeIfAligned();
    }

    private void completeIfAligned() throws Exception {
        if (pending == null) {
            return;
        }
        for (InputChannel c : gate.channels()) {
            if (!arrived.get(c.index()) && !c.isFinished()) {
                return;
            }
        }
        CheckpointBarrier ready = pending;
        reset();
        try {
            actions.checkpointReady(ready);
        } finally {
            gate.unblockAll();
        }
    }

    private void abandon(String reason) throws Exception {
        long id = pending.checkpointId();
        reset();
        gate.unblockAll();
        actions.checkpointAbandoned(id, reason);
    }

    private void reset() {
        pending = null;
        arrived.clear();
    }
}
