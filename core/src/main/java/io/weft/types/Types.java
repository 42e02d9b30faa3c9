package io.weft.types;

import io.weft.api.tuple.Tuple2;
import io.weft.api.tuple.Tuple3;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;

/** Type declarations for {@code returns(...)}: primitives, strings, tuples, Avro records and POJOs. */
public final class Types {
    public static final TypeInformation<String> STRING = cl -> BasicSerializers.STRING;
    public static final TypeInformation<Long> LONG = cl -> BasicSerializers.LONG;
    public static final TypeInformation<Integer> INT = cl -> BasicSerializers.INT;
    public static final TypeInformation<Double> DOUBLE = cl -> BasicSerializers.DOUBLE;
    public static final TypeInformation<Boolean> BOOLEAN = cl -> BasicSerializers.BOOLEAN;
    public static final TypeInformation<byte[]> BYTES = cl -> BasicSerializers.BYTES;

    private Types() {
    }

    public static <A, B> TypeInformation<Tuple2<A, B>> TUPLE(TypeInformation<A> t0, TypeInformation<B> t1) {
        return cl -> TupleSerializer.of(t0.createSerializer(cl), t1.createSerializer(cl));
    }

    public static <A, B, C> TypeInformation<Tuple3<A, B, C>> TUPLE(TypeInformation<A> t0, TypeInformation<B> t1,
            TypeInformation<C> t2) {
        return cl -> TupleSerializer.of(t0.createSerializer(cl), t1.createSerializer(cl), t2.createSerializer(cl));
    }

    /** A class generated from an Avro schema. */
    public static <T extends SpecificRecord> TypeInformation<T> AVRO(Class<T> type) {
        return cl -> AvroSerializer.forSpecific(type);
    }

    /** Generic Avro records of one schema. */
    public static TypeInformation<GenericData.Record> AVRO_GENERIC(Schema schema) {
        return cl -> AvroSerializer.forGeneric(schema);
    }

    /** A plain Java class, through Avro reflect. */
    public static <T> TypeInformation<T> POJO(Class<T> type) {
        return cl -> AvroSerializer.forReflect(type);
    }
}
