package io.weft.runtime.checkpoint;

import java.util.Objects;

/**
 * The keyed state of a contiguous range of key groups, in one blob: {@code offsets[i]} is where key group
 * {@code firstKeyGroup + i} starts in {@code data}, so a subtask restored with another range reads only its own
 * groups. Immutable (the offsets array is not changed after construction).
 */
public record KeyGroupsStateHandle(int firstKeyGroup, int lastKeyGroup, long[] offsets, StreamStateHandle data) {
    public KeyGroupsStateHandle {
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(data, "data");
        if (lastKeyGroup < firstKeyGroup || offsets.length != lastKeyGroup - firstKeyGroup + 1) {
            throw new IllegalArgumentException("Key groups " + firstKeyGroup + ".." + lastKeyGroup + " need "
                    + (lastKeyGroup - firstKeyGroup + 1) + " offsets, not " + offsets.length);
        }
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= firstKeyGroup && keyGroup <= lastKeyGroup;
    }

    /** Where key group {@code keyGroup} (in this handle's range) starts in the data. */
    public long offsetOf(int keyGroup) {
        return offsets[keyGroup - firstKeyGroup];
    }
}
