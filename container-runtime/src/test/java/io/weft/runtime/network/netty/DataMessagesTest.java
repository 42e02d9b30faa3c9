package io.weft.runtime.network.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.IntermediateDataSetID;
import io.weft.runtime.checkpoint.AlignmentType;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.checkpoint.CheckpointType;
import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.network.Buffer;
import io.weft.runtime.network.RuntimeEvent;
import io.weft.runtime.network.RuntimeEvent.CancelCheckpointMarker;
import io.weft.runtime.network.RuntimeEvent.CheckpointBarrier;
import io.weft.runtime.network.netty.DataMessages.AddCredit;
import io.weft.runtime.network.netty.DataMessages.BufferResponse;
import io.weft.runtime.network.netty.DataMessages.CancelPartitionRequest;
import io.weft.runtime.network.netty.DataMessages.ErrorResponse;
import io.weft.runtime.network.netty.DataMessages.MalformedMessageException;
import io.weft.runtime.network.netty.DataMessages.PartitionRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data plane's binary messages read back as written; malformed frames are rejected, never guessed at. */
class DataMessagesTest {
    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;

    private static Object decode(ByteBuf frame) throws MalformedMessageException {
        try {
            return DataMessages.decode(frame);
        } finally {
            frame.release();
        }
    }

    @Test
    void controlMessagesRoundTrip() throws Exception {
        ResultPartitionID id = new ResultPartitionID(new IntermediateDataSetID(1, 2), 7, new ExecutionAttemptID(3, 4));
        assertThat(decode(DataMessages.partitionRequest(alloc, id, 5, 42L, 2)))
                .isEqualTo(new PartitionRequest(id, 5, 42L, 2));
        assertThat(decode(DataMessages.addCredit(alloc, 42L, 3))).isEqualTo(new AddCredit(42L, 3));
        assertThat(decode(DataMessages.cancelPartitionRequest(alloc, 42L))).isEqualTo(new CancelPartitionRequest(42L));
        assertThat(decode(DataMessages.errorResponse(alloc, -1L, true, "gone: ü")))
                .isEqualTo(new ErrorResponse(-1L, true, "gone: ü"));
    }

    @Test
    void bufferResponseCarriesTheBytesAndTheBacklog() throws Exception {
        Buffer end = Buffer.endOfPartition();
        ByteBuf frame = DataMessages.bufferResponse(alloc, 9L, 3, 0, end);
        try {
            BufferResponse r = (BufferResponse) DataMessages.decode(frame);
            assertThat(r.endOfPartition()).isTrue();
            assertThat(r.data()).isNull();
            assertThat(r.sequence()).isEqualTo(3);
        } finally {
            frame.release();
        }
        ByteBuf raw = alloc.buffer().writeByte(DataMessages.BUFFER_RESPONSE).writeLong(9L).writeInt(4).writeInt(6)
                .writeByte(0).writeBytes(new byte[] {1, 2, 3});
        try {
            BufferResponse r = (BufferResponse) DataMessages.decode(raw);
            assertThat(r.endOfPartition()).isFalse();
            assertThat(r.backlog()).isEqualTo(6);
            byte[] bytes = new byte[3];
            r.data().readBytes(bytes);
            assertThat(bytes).containsExactly(1, 2, 3);
        } finally {
            raw.release();
        }
    }

    @Test
    void eventsTravelWithoutData_andAMalformedEventIsRejected() throws Exception {
        CheckpointBarrier barrier = new CheckpointBarrier(12, 99, new CheckpointOptions(CheckpointType.SAVEPOINT,
                AlignmentType.ALIGNED, 0, "hdfs:///savepoints/é"));
        for (RuntimeEvent event : List.of(barrier, new CancelCheckpointMarker(12), RuntimeEvent.END_OF_DATA)) {
            ByteBuf frame = DataMessages.bufferResponse(alloc, 5L, 8, 2, Buffer.event(event));
            try {
                BufferResponse r = (BufferResponse) DataMessages.decode(frame);
                assertThat(r.event()).isEqualTo(event);
                assertThat(r.endOfPartition()).isFalse();
                assertThat(r.backlog()).isEqualTo(2);
                assertThat(r.data()).isNull();
            } finally {
                frame.release();
            }
        }
        ByteBuf cut = alloc.buffer().writeByte(DataMessages.BUFFER_RESPONSE).writeLong(9L).writeInt(4).writeInt(0)
                .writeByte(1).writeByte(2).writeLong(7);
        try {
            assertThatThrownBy(() -> DataMessages.decode(cut)).isInstanceOf(MalformedMessageException.class)
                    .hasMessageContaining("malformed event");
        } finally {
            cut.release();
        }
    }

    @Test
    void longErrorMessagesAreCut() throws Exception {
        ErrorResponse e = (ErrorResponse) decode(DataMessages.errorResponse(alloc, 1L, false, "x".repeat(10_000)));
        assertThat(e.message()).hasSize(DataMessages.MAX_ERROR_CHARS + 1);
    }

    @Test
    void malformedFramesAreRejected() {
        assertThatThrownBy(() -> decode(Unpooled.buffer())).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> decode(Unpooled.buffer().writeByte(77).writeInt(1)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("unknown message id 77");
        assertThatThrownBy(() -> decode(Unpooled.buffer().writeByte(DataMessages.ADD_CREDIT).writeLong(1)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("AddCredit");
        assertThatThrownBy(() -> decode(Unpooled.buffer().writeByte(DataMessages.ADD_CREDIT).writeLong(1)
                .writeInt(0))).isInstanceOf(MalformedMessageException.class).hasMessageContaining("credit 0");
        assertThatThrownBy(() -> decode(Unpooled.buffer().writeByte(DataMessages.CANCEL_PARTITION_REQUEST)
                .writeLong(1).writeByte(0))).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("unexpected bytes");
        assertThatThrownBy(() -> decode(Unpooled.buffer().writeByte(DataMessages.ERROR_RESPONSE).writeLong(1)
                .writeByte(0).writeInt(Integer.MAX_VALUE))).isInstanceOf(MalformedMessageException.class);
    }
}
