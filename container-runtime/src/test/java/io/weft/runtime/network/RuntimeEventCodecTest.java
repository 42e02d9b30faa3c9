package io.weft.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.runtime.checkpoint.AlignmentType;
import io.weft.runtime.checkpoint.CheckpointOptions;
import io.weft.runtime.checkpoint.CheckpointType;
import io.weft.runtime.network.RuntimeEvent.CancelCheckpointMarker;
import io.weft.runtime.network.RuntimeEvent.CheckpointBarrier;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeEventCodecTest {
    private static final List<RuntimeEvent> EVENTS = List.of(RuntimeEvent.END_OF_PARTITION, RuntimeEvent.END_OF_DATA,
            new CancelCheckpointMarker(3),
            new CheckpointBarrier(1, 1700000000000L, CheckpointOptions.alignedCheckpoint()),
            new CheckpointBarrier(42, 5, new CheckpointOptions(CheckpointType.CHECKPOINT, AlignmentType.UNALIGNED, 0,
                    "")),
            new CheckpointBarrier(Long.MAX_VALUE, 0, new CheckpointOptions(CheckpointType.SAVEPOINT_TERMINATE,
                    AlignmentType.AT_LEAST_ONCE, 30_000, "hdfs://nn:8020/savepoints/données")));

    @Test
    void everyEventSurvivesTheRoundTrip() {
        for (RuntimeEvent event : EVENTS) {
            assertThat(RuntimeEventCodec.decode(ByteBuffer.wrap(RuntimeEventCodec.encode(event)))).isEqualTo(event);
        }
    }

    @Test
    void everyCutOrExtendedEncodingIsRefused() {
        for (RuntimeEvent event : EVENTS) {
            byte[] bytes = RuntimeEventCodec.encode(event);
            for (int length = 0; length < bytes.length; length++) {
                byte[] cut = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> RuntimeEventCodec.decode(ByteBuffer.wrap(cut)))
                        .as("%s cut to %d bytes", event, length).isInstanceOf(IllegalArgumentException.class);
            }
            byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
            assertThatThrownBy(() -> RuntimeEventCodec.decode(ByteBuffer.wrap(longer)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unexpected bytes");
        }
    }

    @Test
    void unknownKindsOrdinalsAndOversizedLocationsAreRefused() {
        assertThatThrownBy(() -> RuntimeEventCodec.decode(ByteBuffer.wrap(new byte[] {9})))
                .hasMessage("unknown event kind 9");
        byte[] barrier = RuntimeEventCodec.encode(new CheckpointBarrier(1, 2, CheckpointOptions.alignedCheckpoint()));
        byte[] badType = barrier.clone();
        badType[17] = 7;
        assertThatThrownBy(() -> RuntimeEventCodec.decode(ByteBuffer.wrap(badType)))
                .hasMessage("unknown checkpoint type 7");
        byte[] badLength = barrier.clone();
        ByteBuffer.wrap(badLength).putInt(27, RuntimeEventCodec.MAX_LOCATION_BYTES + 1);
        assertThatThrownBy(() -> RuntimeEventCodec.decode(ByteBuffer.wrap(badLength)))
                .hasMessageContaining("savepoint location of");
        assertThatThrownBy(() -> RuntimeEventCodec.decode(ByteBuffer.wrap(ByteBuffer.allocate(9).put((byte) 3)
                .putLong(0).array()))).isInstanceOf(IllegalArgumentException.class);
    }
}
