package io.weft.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DataOutputSerializer} and {@link DataInputDeserializer} together: the byte format serializers build on. */
class DataSerializationTest {
    @Test
    void outputGrowsFarBeyondItsInitialSize() {
        DataOutputSerializer out = new DataOutputSerializer(0);
        for (int i = 0; i < 10_000; i++) {
            out.writeInt(i);
        }
        assertThat(out.length()).isEqualTo(40_000);
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        for (int i = 0; i < 10_000; i++) {
            assertThat(in.readInt()).isEqualTo(i);
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void primitivesAreBigEndian() {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeShort(0x0102);
        out.writeInt(0x03040506);
        out.writeLong(0x0708090a0b0c0d0eL);
        assertThat(Arrays.copyOf(out.getSharedBuffer(), out.length()))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    }

    @Test
    void everyPrimitiveRoundTrips() {
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeByte(-7);
        out.writeBoolean(false);
        out.writeShort(-2);
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(Long.MAX_VALUE);
        out.writeFloat(-1.5f);
        out.writeDouble(Double.MIN_NORMAL);
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        assertThat(in.readByte()).isEqualTo((byte) -7);
        assertThat(in.readBoolean()).isFalse();
        assertThat(in.readShort()).isEqualTo((short) -2);
        assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(in.readFloat()).isEqualTo(-1.5f);
        assertThat(in.readDouble()).isEqualTo(Double.MIN_NORMAL);
        assertThat(in.available()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 127, 128, 16383, 16384, 2097151, 2097152, 268435455, 268435456, Integer.MAX_VALUE})
    void varIntsRoundTripAtEverySizeBoundary(int v) {
        DataOutputSerializer out = new DataOutputSerializer(1);
        out.writeVarInt(v);
        int expectedBytes = v < (1 << 7) ? 1 : v < (1 << 14) ? 2 : v < (1 << 21) ? 3 : v < (1 << 28) ? 4 : 5;
        assertThat(out.length()).isEqualTo(expectedBytes);
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        assertThat(in.readVarInt()).isEqualTo(v);
        assertThat(in.available()).isZero();
    }

    @Test
    void varIntWithMoreThanFiveBytesIsMalformed() {
        byte[] b = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1};
        DataInputDeserializer in = new DataInputDeserializer(b, 0, b.length);
        assertThatThrownBy(in::readVarInt).isInstanceOf(IllegalStateException.class).hasMessageContaining("Malformed");
    }

    @Test
    void headerReservedWithSetPositionIsFilledInWithWriteIntAt() {
        DataOutputSerializer out = new DataOutputSerializer(1);
        out.setPosition(4);
        out.writeString("payload");
        out.writeIntAt(0, out.length() - 4);
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        assertThat(in.readInt()).isEqualTo(8);
        assertThat(in.readString()).isEqualTo("payload");
    }

    @Test
    void clearStartsOverAtPositionZero() {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeLong(1L);
        out.clear();
        out.writeByte(9);
        assertThat(out.length()).isEqualTo(1);
        assertThat(out.getSharedBuffer()[0]).isEqualTo((byte) 9);
    }

    @Test
    void readerHonoursTheStartAndLengthOfItsRange() {
        byte[] b = {1, 2, 3, 4, 5, 6, 7, 8};
        DataInputDeserializer in = new DataInputDeserializer(b, 2, 4);
        assertThat(in.position()).isEqualTo(2);
        assertThat(in.readInt()).isEqualTo(0x03040506);
        assertThatThrownBy(in::readByte).isInstanceOf(IllegalStateException.class).hasMessageContaining("position 6");
    }

    @Test
    void readingPastTheRangeThrowsIllegalStateExceptionNamingThePosition() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {1, 2, 3}, 0, 3);
        in.readByte();
        assertThatThrownBy(in::readInt).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("position 1").hasMessageContaining("4");
        assertThatThrownBy(in::readLong).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(in::readDouble).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> in.skipBytesToRead(3)).isInstanceOf(IllegalStateException.class);
        assertThat(in.readShort()).isEqualTo((short) 0x0203);
    }

    @Test
    void readFullyPastTheRangeThrowsIllegalStateExceptionAsTheClassPromises() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {1, 2, 3}, 0, 3);
        assertThatThrownBy(() -> in.readFully(new byte[4]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("position 0");
    }

    @Test
    void inputStreamViewReturnsMinusOneAtTheEndOfTheRange() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {(byte) 0xff, 2, 3, 4}, 0, 3);
        assertThat(in.read()).isEqualTo(0xff);
        byte[] target = new byte[10];
        assertThat(in.read(target, 1, 10)).isEqualTo(2);
        assertThat(target[1]).isEqualTo((byte) 2);
        assertThat(target[2]).isEqualTo((byte) 3);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(target, 0, 5)).isEqualTo(-1);
    }

    @Test
    void skipMovesThePosition() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {1, 2, 3, 4}, 0, 4);
        in.skipBytesToRead(3);
        assertThat(in.readByte()).isEqualTo((byte) 4);
    }

    @Test
    void oneDeserializerCanBePointedAtSuccessiveBuffers() {
        DataInputDeserializer in = new DataInputDeserializer();
        assertThat(in.available()).isZero();
        in.setBuffer(new byte[] {0, 0, 0, 5}, 0, 4);
        assertThat(in.readInt()).isEqualTo(5);
        in.setBuffer(new byte[] {9, 0, 0, 0, 6}, 1, 4);
        assertThat(in.readInt()).isEqualTo(6);
    }
}
