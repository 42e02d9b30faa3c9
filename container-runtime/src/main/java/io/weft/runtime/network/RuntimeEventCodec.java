package io.weft.runtime.network;

import io.weft.runtime.checkpoint.AlignmentType;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.checkpoint.CheckpointType;
import io.weft.runtime.network.RuntimeEvent.CancelCheckpointMarker;
import io.weft.runtime.network.RuntimeEvent.CheckpointBarrier;
import io.weft.runtime.network.RuntimeEvent.EndOfData;
import io.weft.runtime.network.RuntimeEvent.EndOfPartition;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of an in-band event on the data plane: a one-byte kind, then its fields, big-endian.
 *
 * <pre>
 * 0 EndOfPartition
 * 1 EndOfData
 * 2 CheckpointBarrier        checkpointId (long) timestamp (long) type (byte) alignment (byte)
 *                            alignedTimeoutMillis (long) targetLocation (int length, UTF-8)
 * 3 CancelCheckpointMarker   checkpointId (long)
 * </pre>
 *
 * Enum fields are their ordinals, checked on decoding. Stateless and thread-safe.
 */
public final class RuntimeEventCodec {
    private static final byte END_OF_PARTITION = 0;
    private static final byte END_OF_DATA = 1;
    private static final byte CHECKPOINT_BARRIER = 2;
    private static final byte CANCEL_CHECKPOINT = 3;
    /** The longest savepoint location accepted, in bytes. */
    static final int MAX_LOCATION_BYTES = 16 * 1024;

    private RuntimeEventCodec() {
    }

    public static byte[] encode(RuntimeEvent event) {
        if (event instanceof EndOfPartition) {
            return new byte[] {END_OF_PARTITION};
        }
        if (event instanceof EndOfData) {
            return new byte[] {END_OF_DATA};
        }
        if (event instanceof CancelCheckpointMarker c) {
            return ByteBuffer.allocate(9).put(CANCEL_CHECKPOINT).putLong(c.checkpointId()).array();
        }
        CheckpointBarrier b = (CheckpointBarrier) event;
        byte[] location = b.options().targetLocation().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 8 + 8 + 1 + 1 + 8 + 4 + location.length).put(CHECKPOINT_BARRIER)
                .putLong(b.checkpointId()).putLong(b.timestamp())
                .put((byte) b.options().type().ordinal()).put((byte) b.options().alignment().ordinal())
                .putLong(b.options().alignedTimeoutMillis()).putInt(location.length).put(location).array();
    }

    /**
     * Decodes the event in {@code bytes}, which must hold exactly one.
     *
     * @throws IllegalArgumentException when they do not (the message names what is wrong)
     */
    public static RuntimeEvent decode(ByteBuffer bytes) {
        try {
            byte kind = bytes.get();
            RuntimeEvent event = switch (kind) {
                case END_OF_PARTITION -> RuntimeEvent.END_OF_PARTITION;
                case END_OF_DATA -> RuntimeEvent.END_OF_DATA;
                case CANCEL_CHECKPOINT -> new CancelCheckpointMarker(bytes.getLong());
                case CHECKPOINT_BARRIER -> decodeBarrier(bytes);
                default -> throw new IllegalArgumentException("unknown event kind " + kind);
            };
            if (bytes.hasRemaining()) {
                throw new IllegalArgumentException(bytes.remaining() + " unexpected bytes after " + event);
            }
            return event;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("an event cut short", e);
        }
    }

    private static CheckpointBarrier decodeBarrier(ByteBuffer bytes) {
        long id = bytes.getLong();
        long timestamp = bytes.getLong();
        CheckpointType type = ordinal(CheckpointType.values(), bytes.get(), "checkpoint type");
        AlignmentType alignment = ordinal(AlignmentType.values(), bytes.get(), "alignment");
        long alignedTimeout = bytes.getLong();
        int length = bytes.getInt();
        if (length < 0 || length > MAX_LOCATION_BYTES || length > bytes.remaining()) {
            throw new IllegalArgumentException("a savepoint location of " + length + " bytes");
        }
        byte[] location = new byte[length];
        bytes.get(location);
        return new CheckpointBarrier(id, timestamp, new CheckpointOptions(type, alignment, alignedTimeout,
                new String(location, StandardCharsets.UTF_8)));
    }

    private static <E extends Enum<E>> E ordinal(E[] values, byte ordinal, String what) {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException("unknown " + what + " " + ordinal);
        }
        return values[ordinal];
    }
}
