package io.weft.runtime.network;

import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.types.TypeSerializer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * All input channels of a task (of every incoming edge), and the queue of channels that have data. Producers (or
 * network threads, for remote channels) enqueue a channel when its view goes from empty to non-empty and wake the
 * task through the availability callback; the task thread polls buffers channel by channel in arrival order.
 *
 * <p>Channel queue under one lock; everything else on the consumer's task thread.
 */
public final class InputGate {
    private final List<InputChannel> channels = new ArrayList<>();
    private final ArrayDeque<InputChannel> withData = new ArrayDeque<>();
    private final Runnable availabilityCallback;
    private int finishedChannels;

    /** @param availabilityCallback wakes the consumer's task thread; called from producer threads */
    public InputGate(Runnable availabilityCallback) {
        this.availabilityCallback = availabilityCallback;
    }

    /** Adds a channel; connect it with {@link #connect} once its partition is available. */
    public InputChannel addChannel(ResultPartitionID partitionId, TypeSerializer<Object> serializer) {
        InputChannel c = new InputChannel(this, channels.size(), partitionId, serializer);
        channels.add(c);
        return c;
    }

    /** Connects a channel to what it reads; any thread. */
    public void connect(InputChannel channel, SubpartitionView view) {
        channel.connect(view);
    }

    public List<InputChannel> channels() {
        return channels;
    }

    void notifyChannelNonEmpty(InputChannel c) {
        boolean wake;
        synchronized (withData) {
            if (c.enqueued) {
                return;
            }
            c.enqueued = true;
            withData.add(c);
            wake = withData.size() == 1;
        }
        if (wake) {
            availabilityCallback.run();
        }
    }

    /**
     * The next data buffer with its channel, or null when none is available now. End-of-partition events are
     * handled here: the channel is marked finished.
     */
    public InputChannel pollNext() {
        while (true) {
            InputChannel c;
            synchronized (withData) {
                c = withData.poll();
                if (c == null) {
                    return null;
                }
                c.enqueued = false;
            }
            Buffer b = c.poll();
            if (b == null) {
                continue;
            }
            if (c.hasMoreData()) {
                notifyChannelNonEmpty(c);
            }
            if (!b.isData()) {
                c.markFinished();
                finishedChannels++;
                continue;
            }
            c.deserializer().setNextBuffer(b);
            return c;
        }
    }

    /** Whether every channel has delivered its end-of-partition event. */
    public boolean isFinished() {
        return finishedChannels == channels.size();
    }

    /** Drops everything still queued on every channel (task ends early: failure or cancellation). */
    public void release() {
        for (InputChannel c : channels) {
            if (!c.isFinished()) {
                c.release();
            }
        }
    }
}
