package io.weft.types;

import static io.weft.types.SerializerAssertions.assertEveryTruncationIsRejected;
import static io.weft.types.SerializerAssertions.bytesOf;
import static io.weft.types.SerializerAssertions.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicSerializersTest {
    private static final String UNICODE_SAMPLES = "\u0080\u00ff\u0100\u07ff\u0800\u3042\ud7ff\ue000\ufffd\uffff";

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, -1L, 127L, 128L, 255L, 256L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789abcdefL})
    void longsRoundTrip(long v) throws Exception {
        assertThat(roundTrip(BasicSerializers.LONG, v)).isEqualTo(v);
        assertThat(bytesOf(BasicSerializers.LONG, v)).hasSize(8);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, -1, 127, 128, 255, 256, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x01234567})
    void intsRoundTrip(int v) throws Exception {
        assertThat(roundTrip(BasicSerializers.INT, v)).isEqualTo(v);
        assertThat(bytesOf(BasicSerializers.INT, v)).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 1.5, -3.25, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void doublesRoundTripBitForBit(double v) throws Exception {
        Double back = roundTrip(BasicSerializers.DOUBLE, v);
        assertThat(Double.doubleToRawLongBits(back)).isEqualTo(Double.doubleToRawLongBits(v));
    }

    @Test
    void booleansRoundTrip() throws Exception {
        assertThat(roundTrip(BasicSerializers.BOOLEAN, true)).isTrue();
        assertThat(roundTrip(BasicSerializers.BOOLEAN, false)).isFalse();
        assertThat(bytesOf(BasicSerializers.BOOLEAN, true)).containsExactly(1);
    }

    @Test
    void nullStringRoundTripsAsNull() throws Exception {
        assertThat(roundTrip(BasicSerializers.STRING, null)).isNull();
        assertThat(bytesOf(BasicSerializers.STRING, null)).containsExactly(0);
    }

    @Test
    void emptyStringRoundTripsAsEmptyNotNull() throws Exception {
        assertThat(roundTrip(BasicSerializers.STRING, "")).isNotNull().isEmpty();
    }

    @Test
    void asciiCostsOneByteAChar() throws Exception {
        assertThat(roundTrip(BasicSerializers.STRING, "hello, weft")).isEqualTo("hello, weft");
        assertThat(bytesOf(BasicSerializers.STRING, "abc")).containsExactly(4, 'a', 'b', 'c');
    }

    @Test
    void charsFrom0x80UpRoundTrip() throws Exception {
        assertThat(roundTrip(BasicSerializers.STRING, UNICODE_SAMPLES)).isEqualTo(UNICODE_SAMPLES);
        assertThat(roundTrip(BasicSerializers.STRING, "Grüße, €5 — ½")).isEqualTo("Grüße, €5 — ½");
    }

    @Test
    void everySingleCharRoundTrips() throws Exception {
        StringBuilder all = new StringBuilder(65536);
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        String s = all.toString();
        assertThat(roundTrip(BasicSerializers.STRING, s)).isEqualTo(s);
    }

    @Test
    void surrogatePairsRoundTrip() throws Exception {
        String s = "clef \uD834\uDD1E, smile \uD83D\uDE00, flag \uD83C\uDDE9\uD83C\uDDEA";
        assertThat(s.codePointCount(0, s.length())).isLessThan(s.length());
        assertThat(roundTrip(BasicSerializers.STRING, s)).isEqualTo(s);
    }

    @Test
    void unpairedSurrogatesRoundTripUnchanged() throws Exception {
        String s = "a\uD800b\uDC00c";
        assertThat(roundTrip(BasicSerializers.STRING, s)).isEqualTo(s);
    }

    @Test
    void oneMegabyteStringRoundTrips() throws Exception {
        Random random = new Random(42);
        char[] chars = new char[1 << 20];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) ('a' + random.nextInt(26));
        }
        String s = new String(chars);
        assertThat(roundTrip(BasicSerializers.STRING, s)).isEqualTo(s);
    }

    @Test
    void stringsLongerThan127CharsUseAMultiByteLength() throws Exception {
        String s = "x".repeat(200);
        assertThat(bytesOf(BasicSerializers.STRING, s)).hasSize(2 + 200);
        assertThat(roundTrip(BasicSerializers.STRING, s)).isEqualTo(s);
    }

    @Test
    void nullBytesRoundTripAsNull() throws Exception {
        assertThat(roundTrip(BasicSerializers.BYTES, null)).isNull();
    }

    @Test
    void emptyBytesRoundTripAsEmptyNotNull() throws Exception {
        assertThat(roundTrip(BasicSerializers.BYTES, new byte[0])).isNotNull().isEmpty();
    }

    @Test
    void bytesRoundTrip() throws Exception {
        byte[] b = new byte[100_000];
        new Random(1).nextBytes(b);
        assertThat(roundTrip(BasicSerializers.BYTES, b)).isEqualTo(b);
        assertThat(roundTrip(BasicSerializers.BYTES, new byte[] {0, -1, 127, -128})).containsExactly(0, -1, 127, -128);
    }

    @Test
    void valuesWrittenOneAfterAnotherAreReadBackInOrder() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(4);
        BasicSerializers.STRING.serialize("first", out);
        BasicSerializers.LONG.serialize(7L, out);
        BasicSerializers.STRING.serialize(null, out);
        BasicSerializers.BYTES.serialize(new byte[] {9, 8}, out);
        BasicSerializers.INT.serialize(-5, out);
        BasicSerializers.DOUBLE.serialize(2.5, out);
        BasicSerializers.BOOLEAN.serialize(true, out);
        BasicSerializers.STRING.serialize("\u00e9last", out);
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        assertThat(BasicSerializers.STRING.deserialize(in)).isEqualTo("first");
        assertThat(BasicSerializers.LONG.deserialize(in)).isEqualTo(7L);
        assertThat(BasicSerializers.STRING.deserialize(in)).isNull();
        assertThat(BasicSerializers.BYTES.deserialize(in)).containsExactly(9, 8);
        assertThat(BasicSerializers.INT.deserialize(in)).isEqualTo(-5);
        assertThat(BasicSerializers.DOUBLE.deserialize(in)).isEqualTo(2.5);
        assertThat(BasicSerializers.BOOLEAN.deserialize(in)).isTrue();
        assertThat(BasicSerializers.STRING.deserialize(in)).isEqualTo("\u00e9last");
        assertThat(in.available()).isZero();
    }

    @Test
    void truncatedLongIntDoubleAndBooleanAreRejected() throws Exception {
        assertEveryTruncationIsRejected(BasicSerializers.LONG, Long.MIN_VALUE);
        assertEveryTruncationIsRejected(BasicSerializers.INT, 123456);
        assertEveryTruncationIsRejected(BasicSerializers.DOUBLE, 1.25);
        assertEveryTruncationIsRejected(BasicSerializers.BOOLEAN, true);
    }

    @Test
    void truncatedStringsAreRejected() throws Exception {
        assertEveryTruncationIsRejected(BasicSerializers.STRING, "");
        assertEveryTruncationIsRejected(BasicSerializers.STRING, "plain ascii");
        assertEveryTruncationIsRejected(BasicSerializers.STRING, UNICODE_SAMPLES + "\uD834\uDD1E");
        assertEveryTruncationIsRejected(BasicSerializers.STRING, "y".repeat(300));
    }

    @Test
    void truncatedByteArraysAreRejectedAsTruncatedData() throws Exception {
        assertEveryTruncationIsRejected(BasicSerializers.BYTES, new byte[0]);
        assertEveryTruncationIsRejected(BasicSerializers.BYTES, new byte[] {1, 2, 3, 4, 5});
    }

    @Test
    void truncationErrorNamesThePosition() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {0, 0, 0, 0, 0, 0}, 0, 6);
        assertThatThrownBy(() -> BasicSerializers.LONG.deserialize(in))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("position 0")
                .hasMessageContaining("8");
    }

    @Test
    void basicSerializersAreStatelessAndShareThemselves() {
        for (TypeSerializer<?> s : List.of(BasicSerializers.LONG, BasicSerializers.INT, BasicSerializers.DOUBLE,
                BasicSerializers.BOOLEAN, BasicSerializers.STRING, BasicSerializers.BYTES)) {
            assertThat(s.duplicate()).isSameAs(s);
        }
    }
}
