package io.weft.types;

import static io.weft.types.SerializerAssertions.assertEveryTruncationIsRejected;
import static io.weft.types.SerializerAssertions.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.tuple.Tuple2;
import io.weft.api.tuple.Tuple3;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TupleSerializerTest {
    @Test
    void tuple2RoundTrips() throws Exception {
        TypeSerializer<Tuple2<String, Long>> s = TupleSerializer.of(BasicSerializers.STRING, BasicSerializers.LONG);
        assertThat(roundTrip(s, Tuple2.of("key", 42L))).isEqualTo(Tuple2.of("key", 42L));
        assertThat(roundTrip(s, Tuple2.of("\u20ac\uD834\uDD1E", Long.MIN_VALUE)))
                .isEqualTo(Tuple2.of("\u20ac\uD834\uDD1E", Long.MIN_VALUE));
    }

    @Test
    void tuple2WithNullStringFieldRoundTrips() throws Exception {
        TypeSerializer<Tuple2<String, byte[]>> s = TupleSerializer.of(BasicSerializers.STRING, BasicSerializers.BYTES);
        Tuple2<String, byte[]> back = roundTrip(s, Tuple2.of(null, null));
        assertThat(back.f0).isNull();
        assertThat(back.f1).isNull();
    }

    @Test
    void tuple3RoundTrips() throws Exception {
        TypeSerializer<Tuple3<Integer, String, Boolean>> s = TupleSerializer.of(BasicSerializers.INT,
                BasicSerializers.STRING, BasicSerializers.BOOLEAN);
        assertThat(roundTrip(s, Tuple3.of(-1, "", true))).isEqualTo(Tuple3.of(-1, "", true));
        assertThat(roundTrip(s, Tuple3.of(7, "seven", false))).isEqualTo(Tuple3.of(7, "seven", false));
    }

    @Test
    void nestedTuplesRoundTrip() throws Exception {
        TypeSerializer<Tuple2<String, Integer>> inner2 = TupleSerializer.of(BasicSerializers.STRING,
                BasicSerializers.INT);
        TypeSerializer<Tuple3<Long, Double, String>> inner3 = TupleSerializer.of(BasicSerializers.LONG,
                BasicSerializers.DOUBLE, BasicSerializers.STRING);
        TypeSerializer<Tuple2<Tuple2<String, Integer>, Tuple3<Long, Double, String>>> s = TupleSerializer.of(inner2,
                inner3);
        Tuple2<Tuple2<String, Integer>, Tuple3<Long, Double, String>> v = Tuple2.of(Tuple2.of("a", 1),
                Tuple3.of(2L, 3.5, "b"));
        assertThat(roundTrip(s, v)).isEqualTo(v);
    }

    @Test
    void tuplesAreWrittenAsTheirFieldsWithoutOverhead() throws Exception {
        TypeSerializer<Tuple2<Integer, Long>> s = TupleSerializer.of(BasicSerializers.INT, BasicSerializers.LONG);
        assertThat(SerializerAssertions.bytesOf(s, Tuple2.of(1, 2L))).hasSize(12);
    }

    @Test
    void truncatedTuplesAreRejected() throws Exception {
        assertEveryTruncationIsRejected(TupleSerializer.of(BasicSerializers.STRING, BasicSerializers.LONG),
                Tuple2.of("abc", 5L));
        assertEveryTruncationIsRejected(TupleSerializer.of(BasicSerializers.INT, BasicSerializers.STRING,
                BasicSerializers.DOUBLE), Tuple3.of(1, "\u00e9", 2.0));
    }

    @Test
    void duplicateOfTuple2DuplicatesEveryFieldSerializer() {
        ScratchSerializer f0 = new ScratchSerializer();
        ScratchSerializer f1 = new ScratchSerializer();
        TypeSerializer<Tuple2<String, String>> s = TupleSerializer.of(f0, f1);
        TypeSerializer<Tuple2<String, String>> copy = s.duplicate();
        assertThat(copy).isNotSameAs(s);
        assertThat(f0.duplicates).hasSize(1);
        assertThat(f1.duplicates).hasSize(1);
    }

    @Test
    void duplicateOfTuple3DuplicatesEveryFieldSerializer() {
        ScratchSerializer f0 = new ScratchSerializer();
        ScratchSerializer f1 = new ScratchSerializer();
        ScratchSerializer f2 = new ScratchSerializer();
        TypeSerializer<Tuple3<String, String, String>> s = TupleSerializer.of(f0, f1, f2);
        assertThat(s.duplicate()).isNotSameAs(s);
        assertThat(f0.duplicates).hasSize(1);
        assertThat(f1.duplicates).hasSize(1);
        assertThat(f2.duplicates).hasSize(1);
    }

    @Test
    void duplicatedSerializersWorkIndependently() throws Exception {
        ScratchSerializer f0 = new ScratchSerializer();
        TypeSerializer<Tuple2<String, String>> s = TupleSerializer.of(f0, BasicSerializers.STRING);
        TypeSerializer<Tuple2<String, String>> copy = s.duplicate();
        assertThat(roundTrip(s, copy, Tuple2.of("x", "y"))).isEqualTo(Tuple2.of("x", "y"));
        assertThat(f0.used).isEqualTo(1);
        assertThat(f0.duplicates.get(0).used).isEqualTo(1);
    }

    /** A string serializer with per-instance scratch state, which records its duplicates and its use. */
    private static final class ScratchSerializer implements TypeSerializer<String> {
        final List<ScratchSerializer> duplicates = new ArrayList<>();
        int used;

        @Override
        public void serialize(String record, DataOutputSerializer target) {
            used++;
            target.writeString(record);
        }

        @Override
        public String deserialize(DataInputDeserializer source) throws IOException {
            used++;
            return source.readString();
        }

        @Override
        public TypeSerializer<String> duplicate() {
            ScratchSerializer d = new ScratchSerializer();
            duplicates.add(d);
            return d;
        }
    }
}
