package io.weft.types;

import static io.weft.types.SerializerAssertions.assertEveryTruncationIsRejected;
import static io.weft.types.SerializerAssertions.bytesOf;
import static io.weft.types.SerializerAssertions.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.tuple.Tuple2;
import io.weft.api.tuple.Tuple3;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DynamicSerializerTest {
    private final DynamicSerializer serializer = new DynamicSerializer(getClass().getClassLoader());

    static Stream<Object> valuesOfEveryTag() {
        return Stream.of("text", "", "\u00fc\u20ac\uD83D\uDE00", 0L, Long.MIN_VALUE, 42, Integer.MIN_VALUE, 2.5,
                Double.NaN, true, false, 1.25f, Float.NEGATIVE_INFINITY, (short) -3, Short.MAX_VALUE, (byte) -128,
                (byte) 7, 'x', '\u00e9', '\uffff', Tuple2.of("k", 1L), Tuple3.of(1, "two", 3.0));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("valuesOfEveryTag")
    void everyTaggedKindRoundTripsWithItsClass(Object value) throws Exception {
        Object back = roundTrip(serializer, value);
        assertThat(back).isEqualTo(value);
        assertThat(back.getClass()).isEqualTo(value.getClass());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("valuesOfEveryTag")
    void everyTaggedKindRejectsTruncation(Object value) throws Exception {
        assertEveryTruncationIsRejected(serializer, value);
    }

    @Test
    void nullRoundTripsAsOneTagByte() throws Exception {
        assertThat(roundTrip(serializer, null)).isNull();
        assertThat(bytesOf(serializer, null)).hasSize(1);
    }

    @Test
    void eachValueCarriesAOneByteTag() throws Exception {
        assertThat(bytesOf(serializer, 5L)).hasSize(1 + 8);
        assertThat(bytesOf(serializer, 5)).hasSize(1 + 4);
        assertThat(bytesOf(serializer, "ab")).hasSize(1 + 3);
        assertThat(bytesOf(serializer, (byte) 1)).hasSize(1 + 1);
    }

    @Test
    void byteArraysRoundTripIncludingEmpty() throws Exception {
        assertThat((byte[]) roundTrip(serializer, new byte[] {1, -2, 3})).containsExactly(1, -2, 3);
        assertThat((byte[]) roundTrip(serializer, new byte[0])).isEmpty();
    }

    @Test
    void numbersKeepTheirBoxedType() throws Exception {
        // a Long and an Integer of the same value must not come back as each other
        assertThat(roundTrip(serializer, 1L)).isInstanceOf(Long.class);
        assertThat(roundTrip(serializer, 1)).isInstanceOf(Integer.class);
        assertThat(roundTrip(serializer, (short) 1)).isInstanceOf(Short.class);
        assertThat(roundTrip(serializer, (byte) 1)).isInstanceOf(Byte.class);
        assertThat(roundTrip(serializer, 1.0f)).isInstanceOf(Float.class);
        assertThat(roundTrip(serializer, 1.0)).isInstanceOf(Double.class);
    }

    @Test
    void nestedTuplesWithMixedAndNullFieldsRoundTrip() throws Exception {
        Object v = Tuple3.of(Tuple2.of("a", Tuple2.of(1, null)), Tuple3.of(2L, 'c', true),
                Tuple2.of(new Person("p", 3), null));
        assertThat(roundTrip(serializer, v)).isEqualTo(v);
    }

    @Test
    void avroGenericRecordRoundTripsWithItsSchema() throws Exception {
        Schema schema = SchemaBuilder.record("Reading").namespace("io.weft.test").fields()
                .requiredString("sensor").requiredDouble("value").optionalLong("at").endRecord();
        GenericData.Record r = new GenericData.Record(schema);
        r.put("sensor", "s-1");
        r.put("value", 21.5);
        r.put("at", null);
        Object back = roundTrip(serializer, r);
        assertThat(back).isInstanceOf(GenericData.Record.class).isEqualTo(r);
        assertThat(((GenericData.Record) back).getSchema()).isEqualTo(schema);
    }

    @Test
    void genericRecordsOfDifferentSchemasShareOneStream() throws Exception {
        Schema a = SchemaBuilder.record("A").fields().requiredInt("x").endRecord();
        Schema b = SchemaBuilder.record("B").fields().requiredString("y").endRecord();
        GenericData.Record ra = new GenericData.Record(a);
        ra.put("x", 1);
        GenericData.Record rb = new GenericData.Record(b);
        rb.put("y", "why");
        DataOutputSerializer out = new DataOutputSerializer(8);
        serializer.serialize(ra, out);
        serializer.serialize(rb, out);
        serializer.serialize(ra, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        assertThat(serializer.deserialize(in)).isEqualTo(ra);
        assertThat(serializer.deserialize(in)).isEqualTo(rb);
        assertThat(serializer.deserialize(in)).isEqualTo(ra);
        assertThat(in.available()).isZero();
    }

    @Test
    void avroSpecificRecordRoundTripsAsItsClass() throws Exception {
        TestSpecificRecord r = new TestSpecificRecord("specific", 9L);
        Object back = roundTrip(serializer, r);
        assertThat(back).isInstanceOf(TestSpecificRecord.class).isEqualTo(r);
    }

    @Test
    void pojoRoundTripsThroughAvroReflect() throws Exception {
        Person p = new Person("Ada", 36);
        Object back = roundTrip(serializer, p);
        assertThat(back).isInstanceOf(Person.class).isEqualTo(p).isNotSameAs(p);
    }

    @Test
    void recordsOfSeveralKindsFollowEachOtherInOneBuffer() throws Exception {
        List<Object> values = List.of("s", 1L, new Person("x", 1), Tuple2.of(2, "y"), (byte) 3,
                new TestSpecificRecord("t", 2L), new Person("z", 2));
        DataOutputSerializer out = new DataOutputSerializer(8);
        for (Object v : values) {
            serializer.serialize(v, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        List<Object> back = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            back.add(serializer.deserialize(in));
        }
        assertThat(back).isEqualTo(values);
        assertThat(in.available()).isZero();
    }

    @Test
    void truncatedAvroRecordsAreRejectedAsTruncatedData() throws Exception {
        assertEveryTruncationIsRejected(serializer, new Person("Grace", 85));
        assertEveryTruncationIsRejected(serializer, new TestSpecificRecord("t", 300L));
    }

    @Test
    void anonymousClassIsRejectedWithAMessageNamingTheClassAndTheAlternatives() {
        Object anonymous = new Object() {
        };
        assertThatThrownBy(() -> serializer.serialize(anonymous, new DataOutputSerializer(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(anonymous.getClass().getName())
                .hasMessageContaining("POJO")
                .hasMessageContaining("returns(");
    }

    @Test
    void optionalIsRejectedWithAMessageNamingTheClass() {
        assertThatThrownBy(() -> serializer.serialize(Optional.of("x"), new DataOutputSerializer(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.Optional")
                .hasMessageContaining("Cannot serialize");
    }

    @Test
    void unsupportedFieldInsideATupleIsRejectedNamingTheFieldClass() {
        assertThatThrownBy(() -> serializer.serialize(Tuple2.of("k", Optional.empty()), new DataOutputSerializer(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.Optional");
    }

    static Stream<Object> jdkObjectsWithANoArgumentConstructor() {
        return Stream.of(new Date(12345L), new ArrayList<>(List.of("a")), new HashMap<>(Map.of("k", "v")));
    }

    /**
     * Such classes are no POJOs (their state is transient or in inaccessible JDK fields); they must be rejected
     * with the clear message rather than lose their value or fail deep inside Avro.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("jdkObjectsWithANoArgumentConstructor")
    void jdkClassesAreNotMistakenForPojos(Object value) {
        assertThatThrownBy(() -> roundTrip(serializer, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(value.getClass().getName())
                .hasMessageContaining("POJO");
    }

    @Test
    void unknownTagIsReportedAsCorruptData() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {99}, 0, 1);
        assertThatThrownBy(() -> serializer.deserialize(in))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown type tag 99");
    }

    @Test
    void pojoClassMissingFromTheJobsCodeIsNamed() {
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeByte(22);
        out.writeString("com.example.DoesNotExist");
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        assertThatThrownBy(() -> serializer.deserialize(in))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.example.DoesNotExist");
    }

    @Test
    void duplicateIsANewIndependentInstance() throws Exception {
        TypeSerializer<Object> copy = serializer.duplicate();
        assertThat(copy).isNotSameAs(serializer).isInstanceOf(DynamicSerializer.class);
        Person p = new Person("dup", 1);
        assertThat(roundTrip(serializer, copy, p)).isEqualTo(p);
        assertThat(roundTrip(copy, serializer, p)).isEqualTo(p);
        assertThat(copy.duplicate()).isNotSameAs(copy);
    }

    /** A POJO: public class, public no-argument constructor, plain fields. */
    public static class Person {
        public String name;
        public int age;

        public Person() {
        }

        Person(String name, int age) {
            this.name = name;
            this.age = age;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Person p && Objects.equals(name, p.name) && age == p.age;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age);
        }

        @Override
        public String toString() {
            return "Person(" + name + ", " + age + ")";
        }
    }
}
