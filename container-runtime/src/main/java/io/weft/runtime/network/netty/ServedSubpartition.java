package io.weft.runtime.network.netty;

import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.network.ResultPartition;
import io.weft.runtime.network.ResultPartitionManager;
import io.weft.runtime.network.ResultSubpartition;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The server's side of one remote input channel: the subpartition it reads (once registered), the credit it has
 * granted, and the sequence number of the next buffer.
 *
 * <p>State: WAITING (for the partition's registration) → ACTIVE (serving) → DONE (end of partition sent,
 * cancelled, or connection gone). Event-loop confined, like the handler that owns it.
 */
final class ServedSubpartition {
    enum State { WAITING, ACTIVE, DONE }

    final long receiverId;
    final ResultPartitionID partitionId;
    final int subpartitionIndex;
    private State state = State.WAITING;
    private int credit;
    private int sequence;
    private boolean queued;
    private CompletableFuture<ResultPartition> registration;
    private ScheduledFuture<?> timeout;
    private ResultSubpartition subpartition;

    ServedSubpartition(long receiverId, ResultPartitionID partitionId, int subpartitionIndex, int initialCredit) {
        this.receiverId = receiverId;
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
        this.credit = initialCredit;
    }

    State state() {
        return state;
    }

    void awaitRegistration(CompletableFuture<ResultPartition> registration, ScheduledFuture<?> timeout) {
        this.registration = registration;
        this.timeout = timeout;
    }

    void activate(ResultSubpartition s) {
        cancelTimeout();
        subpartition = s;
        state = State.ACTIVE;
    }

    ResultSubpartition subpartition() {
        return subpartition;
    }

    void addCredit(int n) {
        credit += n;
    }

    int credit() {
        return credit;
    }

    /**
     * Returns the sequence number of the message about to be sent, taking one credit when it is a data buffer
     * (events take none).
     */
    int nextSequence(boolean data) {
        if (data) {
            credit--;
        }
        return sequence++;
    }

    /** Whether it is in the handler's queue of channels with credit and data. */
    boolean queued() {
        return queued;
    }

    void setQueued(boolean value) {
        queued = value;
    }

    /**
     * Whether the handler should send it something now: serving, with data queued and credit for it, or an event
     * next (which needs none).
     */
    boolean hasCreditAndData() {
        return state == State.ACTIVE && !subpartition.isEmpty() && (credit > 0 || subpartition.nextIsEvent());
    }

    /** The end of the partition was sent. */
    void finished() {
        state = State.DONE;
    }

    /** Stops serving: abandons the wait for registration, or drops the subpartition's data (consumer gone). */
    void release(ResultPartitionManager partitions) {
        if (state == State.WAITING) {
            cancelTimeout();
            if (registration != null) {
                partitions.abandonWaiting(partitionId, registration);
            }
        } else if (state == State.ACTIVE) {
            subpartition.release();
        }
        state = State.DONE;
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    @Override
    public String toString() {
        return "subpartition " + subpartitionIndex + " of " + partitionId + " (receiver " + receiverId + ")";
    }
}
