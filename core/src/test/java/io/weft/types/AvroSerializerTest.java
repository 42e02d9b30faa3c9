package io.weft.types;

import static io.weft.types.SerializerAssertions.assertEveryTruncationIsRejected;
import static io.weft.types.SerializerAssertions.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {
    private static final Schema ORDER = SchemaBuilder.record("Order").namespace("io.weft.test").fields()
            .requiredString("id")
            .requiredLong("amount")
            .optionalString("note")
            .name("tags").type().array().items().stringType().noDefault()
            .name("kind").type().enumeration("Kind").symbols("BUY", "SELL").noDefault()
            .endRecord();

    private static GenericData.Record order(String id, long amount, String note, List<String> tags) {
        GenericData.Record r = new GenericData.Record(ORDER);
        r.put("id", id);
        r.put("amount", amount);
        r.put("note", note);
        r.put("tags", tags);
        r.put("kind", new GenericData.EnumSymbol(ORDER.getField("kind").schema(), "SELL"));
        return r;
    }

    @Test
    void genericRecordRoundTrips() throws Exception {
        AvroSerializer<GenericData.Record> s = AvroSerializer.forGeneric(ORDER);
        GenericData.Record r = order("o-1", 1500L, "rush \u20ac", List.of("a", "b"));
        assertThat(roundTrip(s, r)).isEqualTo(r);
        GenericData.Record empty = order("", 0L, null, List.of());
        assertThat(roundTrip(s, empty)).isEqualTo(empty);
        assertThat(s.getSchema()).isEqualTo(ORDER);
    }

    @Test
    void genericRecordsWrittenBackToBackAreReadOneByOne() throws Exception {
        AvroSerializer<GenericData.Record> s = AvroSerializer.forGeneric(ORDER);
        List<GenericData.Record> records = new ArrayList<>();
        DataOutputSerializer out = new DataOutputSerializer(16);
        for (int i = 0; i < 50; i++) {
            GenericData.Record r = order("o" + i, i * 1000L, i % 2 == 0 ? null : "n" + i, List.of("t" + i));
            records.add(r);
            s.serialize(r, out);
            BasicSerializers.INT.serialize(i, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        for (int i = 0; i < 50; i++) {
            assertThat(s.deserialize(in)).isEqualTo(records.get(i));
            // the decoder must not read ahead into bytes that follow the record
            assertThat(BasicSerializers.INT.deserialize(in)).isEqualTo(i);
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void pojoRoundTripsThroughReflect() throws Exception {
        AvroSerializer<Trade> s = AvroSerializer.forReflect(Trade.class);
        Trade t = new Trade("XYZ", 12, 99.5, true, new ArrayList<>(List.of("x", "y")), new Venue("NYSE", 3));
        Trade back = roundTrip(s, t);
        assertThat(back).isEqualTo(t).isNotSameAs(t);
        assertThat(back.venue).isNotSameAs(t.venue);
    }

    @Test
    void reflectSchemaNamesThePojoFields() {
        Schema schema = AvroSerializer.forReflect(Trade.class).getSchema();
        assertThat(schema.getType()).isEqualTo(Schema.Type.RECORD);
        assertThat(schema.getFields()).extracting(Schema.Field::name)
                .containsExactlyInAnyOrder("symbol", "quantity", "price", "buy", "legs", "venue");
    }

    @Test
    void specificRecordRoundTrips() throws Exception {
        AvroSerializer<TestSpecificRecord> s = AvroSerializer.forSpecific(TestSpecificRecord.class);
        TestSpecificRecord r = new TestSpecificRecord("spec \uD834\uDD1E", -4L);
        assertThat(roundTrip(s, r)).isEqualTo(r);
        assertThat(s.getSchema()).isEqualTo(TestSpecificRecord.SCHEMA$);
    }

    @Test
    void duplicateIsANewInstanceOfTheSameSchemaThatWorksIndependently() throws Exception {
        AvroSerializer<Trade> s = AvroSerializer.forReflect(Trade.class);
        TypeSerializer<Trade> copy = s.duplicate();
        assertThat(copy).isNotSameAs(s).isInstanceOf(AvroSerializer.class);
        assertThat(((AvroSerializer<Trade>) copy).getSchema()).isEqualTo(s.getSchema());
        Trade t = new Trade("A", 1, 1.0, false, new ArrayList<>(), new Venue("v", 0));
        assertThat(roundTrip(s, copy, t)).isEqualTo(t);
        assertThat(roundTrip(copy, s, t)).isEqualTo(t);

        AvroSerializer<GenericData.Record> g = AvroSerializer.forGeneric(ORDER);
        assertThat(g.duplicate()).isNotSameAs(g);
    }

    @Test
    void interleavedUseOfTwoDuplicatesDoesNotMixUpTheirState() throws Exception {
        AvroSerializer<GenericData.Record> a = AvroSerializer.forGeneric(ORDER);
        TypeSerializer<GenericData.Record> b = a.duplicate();
        DataOutputSerializer outA = new DataOutputSerializer(16);
        DataOutputSerializer outB = new DataOutputSerializer(16);
        GenericData.Record ra = order("a", 1L, null, List.of("a"));
        GenericData.Record rb = order("b", 2L, "bee", List.of());
        a.serialize(ra, outA);
        b.serialize(rb, outB);
        a.serialize(ra, outA);
        b.serialize(rb, outB);
        DataInputDeserializer inA = new DataInputDeserializer(outA.getSharedBuffer(), 0, outA.length());
        DataInputDeserializer inB = new DataInputDeserializer(outB.getSharedBuffer(), 0, outB.length());
        assertThat(a.deserialize(inA)).isEqualTo(ra);
        assertThat(b.deserialize(inB)).isEqualTo(rb);
        assertThat(a.deserialize(inA)).isEqualTo(ra);
        assertThat(b.deserialize(inB)).isEqualTo(rb);
    }

    @Test
    void truncatedGenericRecordIsRejectedAsTruncatedData() throws Exception {
        assertEveryTruncationIsRejected(AvroSerializer.forGeneric(ORDER), order("o", 7L, "note", List.of("t")));
    }

    @Test
    void truncatedReflectRecordIsRejectedAsTruncatedData() throws Exception {
        assertEveryTruncationIsRejected(AvroSerializer.forReflect(Venue.class), new Venue("LSE", 2));
    }

    /** A POJO with primitives, a list and a nested POJO. */
    public static class Trade {
        public String symbol;
        public int quantity;
        public double price;
        public boolean buy;
        public List<String> legs;
        public Venue venue;

        public Trade() {
        }

        Trade(String symbol, int quantity, double price, boolean buy, List<String> legs, Venue venue) {
            this.symbol = symbol;
            this.quantity = quantity;
            this.price = price;
            this.buy = buy;
            this.legs = legs;
            this.venue = venue;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Trade t && Objects.equals(symbol, t.symbol) && quantity == t.quantity
                    && price == t.price && buy == t.buy && Objects.equals(legs, t.legs)
                    && Objects.equals(venue, t.venue);
        }

        @Override
        public int hashCode() {
            return Objects.hash(symbol, quantity, price, buy, legs, venue);
        }
    }

    /** A nested POJO. */
    public static class Venue {
        public String name;
        public int floor;

        public Venue() {
        }

        Venue(String name, int floor) {
            this.name = name;
            this.floor = floor;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Venue v && Objects.equals(name, v.name) && floor == v.floor;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, floor);
        }
    }
}
