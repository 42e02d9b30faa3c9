package io.weft.runtime.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.IntermediateDataSetID;
import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.network.Buffer;
import io.weft.runtime.network.RuntimeEvent;
import io.weft.runtime.network.RuntimeEventCodec;
import java.nio.charset.StandardCharsets;

/**
 * The binary messages of the data plane, each one frame (the pipeline adds and strips the 4-byte length) that
 * starts with a one-byte message id. Integers are big-endian.
 *
 * <pre>
 * 1 PartitionRequest        client → server  dataSet (2 longs) partitionIndex (int) producerAttempt (2 longs)
 *                                            subpartition (int) receiverId (long) initialCredit (int)
 * 2 BufferResponse          server → client  receiverId (long) sequence (int) backlog (int) kind (byte: 0 data,
 *                                            1 event) bytes… (an event's as {@link RuntimeEventCodec} writes them)
 * 3 AddCredit               client → server  receiverId (long) credit (int &gt; 0)
 * 4 CancelPartitionRequest  client → server  receiverId (long)
 * 5 ErrorResponse           server → client  receiverId (long, -1: the whole connection) notFound (byte)
 *                                            message (int length, UTF-8)
 * </pre>
 *
 * A receiver id names one input channel on its connection. A buffer's bytes follow its header up to the frame's
 * end; the backlog is how many data buffers the subpartition still queues, so the receiver can grant floating
 * credit ahead. Data buffers take one credit each; events take none (the receiver keeps them without network
 * memory), so a barrier is never stuck behind exhausted credit once the data before it is sent.
 *
 * <p>Stateless and thread-safe.
 */
final class DataMessages {
    static final byte PARTITION_REQUEST = 1;
    static final byte BUFFER_RESPONSE = 2;
    static final byte ADD_CREDIT = 3;
    static final byte CANCEL_PARTITION_REQUEST = 4;
    static final byte ERROR_RESPONSE = 5;
    /** The receiver id of an error about the whole connection. */
    static final long CONNECTION = -1;
    static final int BUFFER_HEADER = 1 + 8 + 4 + 4 + 1;
    static final int MAX_ERROR_CHARS = 2_000;
    private static final byte DATA = 0;
    private static final byte EVENT = 1;

    private DataMessages() {
    }

    /** A decoded message other than a buffer's bytes. */
    sealed interface DataMessage permits PartitionRequest, BufferResponse, AddCredit, CancelPartitionRequest,
            ErrorResponse {
    }

    record PartitionRequest(ResultPartitionID partitionId, int subpartition, long receiverId, int credit)
            implements DataMessage {
    }

    /**
     * @param event the event, or null for a data buffer
     * @param data a data buffer's bytes: a view into the frame, valid until the frame is released
     */
    record BufferResponse(long receiverId, int sequence, int backlog, RuntimeEvent event, ByteBuf data)
            implements DataMessage {
        boolean endOfPartition() {
            return event instanceof RuntimeEvent.EndOfPartition;
        }
    }

    record AddCredit(long receiverId, int credit) implements DataMessage {
    }

    record CancelPartitionRequest(long receiverId) implements DataMessage {
    }

    record ErrorResponse(long receiverId, boolean partitionNotFound, String message) implements DataMessage {
    }

    /** A frame that is not a well-formed message: the peer is broken or speaks another protocol. */
    static final class MalformedMessageException extends Exception {
        MalformedMessageException(String message) {
            super(message, null, false, false);
        }
    }

    static ByteBuf partitionRequest(ByteBufAllocator alloc, ResultPartitionID id, int subpartition, long receiverId,
            int credit) {
        ByteBuf out = alloc.buffer(1 + 8 * 5 + 4 * 3);
        out.writeByte(PARTITION_REQUEST);
        out.writeLong(id.dataSetId().upper()).writeLong(id.dataSetId().lower()).writeInt(id.partitionIndex());
        out.writeLong(id.producerId().upper()).writeLong(id.producerId().lower());
        out.writeInt(subpartition).writeLong(receiverId).writeInt(credit);
        return out;
    }

    /** A buffer's message: its bytes are copied once, into a pooled network buffer; the caller recycles it. */
    static ByteBuf bufferResponse(ByteBufAllocator alloc, long receiverId, int sequence, int backlog, Buffer b) {
        byte[] event = b.isData() ? null : RuntimeEventCodec.encode(b.event());
        int size = b.isData() ? b.size() : event.length;
        ByteBuf out = alloc.directBuffer(BUFFER_HEADER + size);
        out.writeByte(BUFFER_RESPONSE).writeLong(receiverId).writeInt(sequence).writeInt(backlog);
        if (b.isData()) {
            out.writeByte(DATA).writeBytes(b.memory(), 0, size);
        } else {
            out.writeByte(EVENT).writeBytes(event);
        }
        return out;
    }

    static ByteBuf addCredit(ByteBufAllocator alloc, long receiverId, int credit) {
        return alloc.buffer(13).writeByte(ADD_CREDIT).writeLong(receiverId).writeInt(credit);
    }

    static ByteBuf cancelPartitionRequest(ByteBufAllocator alloc, long receiverId) {
        return alloc.buffer(9).writeByte(CANCEL_PARTITION_REQUEST).writeLong(receiverId);
    }

    static ByteBuf errorResponse(ByteBufAllocator alloc, long receiverId, boolean partitionNotFound,
            String message) {
        String text = message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) + "…" : message;
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuf out = alloc.buffer(1 + 8 + 1 + 4 + utf8.length);
        out.writeByte(ERROR_RESPONSE).writeLong(receiverId).writeByte(partitionNotFound ? 1 : 0);
        return out.writeInt(utf8.length).writeBytes(utf8);
    }

    /** Decodes a frame; the frame stays owned by the caller (and a buffer's data is a view into it). */
    static DataMessage decode(ByteBuf frame) throws MalformedMessageException {
        require(frame, 1, "message id");
        byte id = frame.readByte();
        DataMessage m = switch (id) {
            case PARTITION_REQUEST -> decodePartitionRequest(frame);
            case BUFFER_RESPONSE -> decodeBufferResponse(frame);
            case ADD_CREDIT -> {
                require(frame, 12, "AddCredit");
                long receiver = frame.readLong();
                int credit = frame.readInt();
                if (credit <= 0) {
                    throw new MalformedMessageException("AddCredit with credit " + credit);
                }
                yield new AddCredit(receiver, credit);
            }
            case CANCEL_PARTITION_REQUEST -> {
                require(frame, 8, "CancelPartitionRequest");
                yield new CancelPartitionRequest(frame.readLong());
            }
            case ERROR_RESPONSE -> decodeErrorResponse(frame);
            default -> throw new MalformedMessageException("unknown message id " + id + " in a frame of "
                    + (frame.readableBytes() + 1) + " bytes");
        };
        if (!(m instanceof BufferResponse) && frame.isReadable()) {
            throw new MalformedMessageException(frame.readableBytes() + " unexpected bytes after a "
                    + m.getClass().getSimpleName());
        }
        return m;
    }

    private static PartitionRequest decodePartitionRequest(ByteBuf frame) throws MalformedMessageException {
        require(frame, 8 * 5 + 4 * 3, "PartitionRequest");
        IntermediateDataSetID dataSet = new IntermediateDataSetID(frame.readLong(), frame.readLong());
        int partitionIndex = frame.readInt();
        ExecutionAttemptID producer = new ExecutionAttemptID(frame.readLong(), frame.readLong());
        int subpartition = frame.readInt();
        long receiver = frame.readLong();
        int credit = frame.readInt();
        if (partitionIndex < 0 || subpartition < 0 || credit < 0) {
            throw new MalformedMessageException("PartitionRequest with partition index " + partitionIndex
                    + ", subpartition " + subpartition + ", credit " + credit);
        }
        return new PartitionRequest(new ResultPartitionID(dataSet, partitionIndex, producer), subpartition, receiver,
                credit);
    }

    private static BufferResponse decodeBufferResponse(ByteBuf frame) throws MalformedMessageException {
        require(frame, BUFFER_HEADER - 1, "BufferResponse");
        long receiver = frame.readLong();
        int sequence = frame.readInt();
        int backlog = frame.readInt();
        byte kind = frame.readByte();
        if ((kind != DATA && kind != EVENT) || backlog < 0) {
            throw new MalformedMessageException("BufferResponse of kind " + kind + " with backlog " + backlog
                    + " and " + frame.readableBytes() + " bytes");
        }
        if (kind == DATA) {
            return new BufferResponse(receiver, sequence, backlog, null, frame);
        }
        RuntimeEvent event;
        try {
            event = RuntimeEventCodec.decode(frame.nioBuffer());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("BufferResponse with a malformed event: " + e.getMessage());
        }
        frame.skipBytes(frame.readableBytes());
        return new BufferResponse(receiver, sequence, backlog, event, null);
    }

    private static ErrorResponse decodeErrorResponse(ByteBuf frame) throws MalformedMessageException {
        require(frame, 13, "ErrorResponse");
        long receiver = frame.readLong();
        boolean notFound = frame.readByte() != 0;
        int length = frame.readInt();
        if (length < 0 || length != frame.readableBytes()) {
            throw new MalformedMessageException("ErrorResponse announcing " + length + " bytes of message, "
                    + frame.readableBytes() + " present");
        }
        return new ErrorResponse(receiver, notFound, frame.readCharSequence(length, StandardCharsets.UTF_8)
                .toString());
    }

    private static void require(ByteBuf frame, int bytes, String what) throws MalformedMessageException {
        if (frame.readableBytes() < bytes) {
            throw new MalformedMessageException(what + " needs " + bytes + " bytes, the frame has "
                    + frame.readableBytes());
        }
    }
}
