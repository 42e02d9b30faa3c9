package io.weft.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.types.BasicSerializers;
import io.weft.types.DataOutputSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// a safety net only: every wait in these tests is bounded well below it
@Timeout(60)
class RecordDeserializerTest {
    private final NetworkBufferPool global = new NetworkBufferPool(8, 64);
    /** Without a reserve, every recycled buffer goes straight back to the global pool, where tests can see it. */
    private final LocalBufferPool pool = new LocalBufferPool(global, 0, 8, "test");

    /** A pooled buffer holding {@code bytes[from, to)}. */
    private Buffer buffer(byte[] bytes, int from, int to) throws InterruptedException {
        Buffer b = pool.requestBufferBlocking();
        System.arraycopy(bytes, from, b.memory(), 0, to - from);
        b.setSize(to - from);
        return b;
    }

    /** Length-prefixed frames of the given strings, as a record writer lays them out. */
    private static byte[] frames(String... records) {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (String r : records) {
            int start = out.length();
            out.setPosition(start + 4);
            out.writeString(r);
            out.writeIntAt(start, out.length() - start - 4);
        }
        return Arrays.copyOf(out.getSharedBuffer(), out.length());
    }

    @Test
    void withoutABufferThereIsNothingToRead() throws Exception {
        assertThat(new RecordDeserializer<>(BasicSerializers.STRING).next()).isNull();
    }

    @Test
    void recordsOfOneBufferAreReadInOrderThenTheBufferIsRecycled() throws Exception {
        byte[] bytes = frames("a", "bb", "");
        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        d.setNextBuffer(buffer(bytes, 0, bytes.length));
        assertThat(d.next()).isEqualTo("a");
        assertThat(d.next()).isEqualTo("bb");
        assertThat(d.next()).isEqualTo("");
        assertThat(global.availableSegments()).as("buffer still held while it may hold more").isEqualTo(7);
        assertThat(d.next()).isNull();
        assertThat(global.availableSegments()).isEqualTo(8);
        assertThat(d.next()).as("stays empty until the next buffer").isNull();
    }

    @Test
    void everyFragmentBufferIsRecycledAsSoonAsItIsCopied() throws Exception {
        byte[] bytes = frames("z".repeat(150));
        LocalBufferPool tight = new LocalBufferPool(global, 0, 1, "tight");
        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        int offset = 0;
        while (offset < bytes.length) {
            int end = Math.min(bytes.length, offset + 64);
            Buffer b = tight.requestBufferBlocking();
            System.arraycopy(bytes, offset, b.memory(), 0, end - offset);
            b.setSize(end - offset);
            d.setNextBuffer(b);
            String r = d.next();
            offset = end;
            assertThat(r).isEqualTo(offset == bytes.length ? "z".repeat(150) : null);
            // the pool holds one buffer at most: the next request would block if this one were not recycled
            assertThat(tight.taken()).isEqualTo(offset == bytes.length ? 1 : 0);
        }
    }

    @Test
    void headerSplitOneByteAtATimeIsReassembled() throws Exception {
        byte[] bytes = frames("split");
        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        for (int i = 0; i < bytes.length - 1; i++) {
            d.setNextBuffer(buffer(bytes, i, i + 1));
            assertThat(d.next()).as("after byte %d", i).isNull();
        }
        d.setNextBuffer(buffer(bytes, bytes.length - 1, bytes.length));
        assertThat(d.next()).isEqualTo("split");
        assertThat(d.next()).isNull();
        assertThat(global.availableSegments()).isEqualTo(8);
    }

    @Test
    void recordLargerThanTheInitialSpillAreaIsReassembled() throws Exception {
        String big = "\u00e9".repeat(400);
        byte[] bytes = frames(big, "tail");
        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        List<String> got = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += 64) {
            d.setNextBuffer(buffer(bytes, offset, Math.min(bytes.length, offset + 64)));
            for (String r = d.next(); r != null; r = d.next()) {
                got.add(r);
            }
        }
        assertThat(got).containsExactly(big, "tail");
    }

    @Test
    void negativeLengthIsReportedAsCorruptEvenWhenItFitsTheBuffer() throws Exception {
        byte[] bytes = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 0, 0};
        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        d.setNextBuffer(buffer(bytes, 0, bytes.length));
        assertThatThrownBy(d::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Corrupt record length");
    }

    @Test
    void negativeLengthSpanningTwoBuffersIsReportedAsCorrupt() throws Exception {
        byte[] bytes = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 0, 0};
        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        d.setNextBuffer(buffer(bytes, 0, 2));
        assertThat(d.next()).isNull();
        d.setNextBuffer(buffer(bytes, 2, bytes.length));
        assertThatThrownBy(d::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Corrupt record length -16");
    }

    @Test
    void serializerThatReadsLessThanTheFrameIsReportedAsAMismatch() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeInt(8);
        out.writeLong(42L);
        byte[] bytes = Arrays.copyOf(out.getSharedBuffer(), out.length());
        RecordDeserializer<Integer> d = new RecordDeserializer<>(BasicSerializers.INT);
        d.setNextBuffer(buffer(bytes, 0, bytes.length));
        assertThatThrownBy(d::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read 4 of 8 bytes")
                .hasMessageContaining("does not match");
    }

    @Test
    void clearDropsThePartialRecordAndRecyclesTheBuffer() throws Exception {
        byte[] partial = frames("x".repeat(100));
        RecordDeserializer<String> d = new RecordDeserializer<>(BasicSerializers.STRING);
        d.setNextBuffer(buffer(partial, 0, 2));
        assertThat(d.next()).isNull();
        d.setNextBuffer(buffer(partial, 2, 64));
        d.clear();
        assertThat(global.availableSegments()).isEqualTo(8);
        byte[] fresh = frames("fresh");
        d.setNextBuffer(buffer(fresh, 0, fresh.length));
        assertThat(d.next()).isEqualTo("fresh");
    }
}
