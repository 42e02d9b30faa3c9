package io.weft.runtime.network;

import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.types.TypeSerializer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * All input channels of a task (of every incoming edge), and the queue of channels that have data. Producers (or
 * network threads, for remote channels) enqueue a channel when its view goes from empty to non-empty and wake the
 * task through the availability callback; the task thread polls buffers and events channel by channel in arrival
 * order, and may hold channels ({@link #block}) while it aligns a checkpoint's barriers.
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
     * The next data buffer (handed to its channel's deserializer) or event, with its channel, or null when none is
     * available now. A blocked channel delivers nothing until {@link #unblock} (its data waits in its view). The
     * end-of-partition event also marks its channel finished.
     */
    public BufferOrEvent pollNext() {
        while (true) {
            InputChannel c;
            synchronized (withData) {
                c = withData.poll();
                if (c == null) {
                    return null;
                }
                c.enqueued = false;
            }
            if (c.blocked) {
                continue; // unblock re-enqueues it
            }
            Buffer b = c.poll();
            if (b == null) {
                continue;
            }
            if (c.hasMoreData()) {
                notifyChannelNonEmpty(c);
            }
            if (b.isData()) {
                c.deserializer().setNextBuffer(b);
                return new BufferOrEvent(c, null);
            }
            if (b.isEndOfPartition()) {
                c.markFinished();
                finishedChannels++;
            }
            return new BufferOrEvent(c, b.event());
        }
    }

    /**
     * Holds {@code channel}: {@link #pollNext} delivers nothing of it until it is unblocked (an aligning
     * checkpoint holds the channels that delivered its barrier). Task thread only.
     */
    public void block(InputChannel channel) {
        channel.blocked = true;
    }

    /** Delivers {@code channel}'s data again, starting with what queued while it was held. Task thread only. */
    public void unblock(InputChannel channel) {
        if (channel.blocked) {
            channel.blocked = false;
            if (channel.hasMoreData()) {
                notifyChannelNonEmpty(channel);
            }
        }
    }

    /** Whether {@code channel} is held. Task thread only. */
    public boolean isBlocked(InputChannel channel) {
        return channel.blocked;
    }

    /** Unblocks every channel. Task thread only. */
    public void unblockAll() {
        for (InputChannel c : channels) {
            unblock(c);
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
