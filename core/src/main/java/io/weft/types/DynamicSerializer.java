package io.weft.types;

import io.weft.api.tuple.Tuple2;
import io.weft.api.tuple.Tuple3;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The default serializer when a stream declares no type: each value carries a one-byte tag naming its kind,
 * so streams of primitives, strings, byte arrays, tuples (nested freely), Avro records and POJOs need no type
 * declaration.
 *
 * <p>Avro specific records and POJOs are written as their class name plus Avro binary (POJOs through Avro
 * reflect); generic records as their schema plus Avro binary. Declaring a type with {@code returns(...)} saves
 * the tags and names. Anything else is rejected with a message naming the class — never Java serialization.
 *
 * <p>Not thread-safe (it caches Avro serializers); {@link #duplicate()} gives each thread its own.
 */
public final class DynamicSerializer implements TypeSerializer<Object> {
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INT = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;
    private static final byte BYTES = 6;
    private static final byte TUPLE2 = 7;
    private static final byte TUPLE3 = 8;
    private static final byte FLOAT = 9;
    private static final byte SHORT = 10;
    private static final byte BYTE = 11;
    private static final byte CHAR = 12;
    private static final byte AVRO_SPECIFIC = 20;
    private static final byte AVRO_GENERIC = 21;
    private static final byte AVRO_REFLECT = 22;

    private final ClassLoader classLoader;
    private final Map<String, AvroSerializer<Object>> byClassName = new HashMap<>();
    private final Map<String, AvroSerializer<GenericData.Record>> bySchema = new HashMap<>();

    public DynamicSerializer(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void serialize(Object v, DataOutputSerializer out) throws IOException {
        if (v instanceof String s) {
            out.writeByte(STRING);
            out.writeString(s);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Tuple2<?, ?> t) {
            out.writeByte(TUPLE2);
            serialize(t.f0, out);
            serialize(t.f1, out);
        } else if (v instanceof Tuple3<?, ?, ?> t) {
            out.writeByte(TUPLE3);
            serialize(t.f0, out);
            serialize(t.f1, out);
            serialize(t.f2, out);
        } else if (v == null) {
            out.writeByte(NULL);
        } else {
            serializeOther(v, out);
        }
    }

    @SuppressWarnings("unchecked")
    private void serializeOther(Object v, DataOutputSerializer out) throws IOException {
        if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            BasicSerializers.BYTES.serialize(b, out);
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (v instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof Character c) {
            out.writeByte(CHAR);
            out.writeShort(c);
        } else if (v instanceof SpecificRecord) {
            out.writeByte(AVRO_SPECIFIC);
            out.writeString(v.getClass().getName());
            byClass(v.getClass().getName(), true).serialize(v, out);
        } else if (v instanceof GenericData.Record r) {
            out.writeByte(AVRO_GENERIC);
            String schema = r.getSchema().toString();
            out.writeString(schema);
            bySchema(schema).serialize(r, out);
        } else if (isPojo(v.getClass())) {
            out.writeByte(AVRO_REFLECT);
            out.writeString(v.getClass().getName());
            byClass(v.getClass().getName(), false).serialize(v, out);
        } else {
            throw new IllegalArgumentException("Cannot serialize a record of " + v.getClass().getName()
                    + ": use primitives, String, byte[], Tuple2/Tuple3, an Avro record or a POJO with a public"
                    + " no-argument constructor (or declare a serializer with returns(...))");
        }
    }

    private static boolean isPojo(Class<?> c) {
        String n = c.getName();
        if (c.isArray() || c.isInterface() || c.isAnonymousClass() || c.isSynthetic() || n.startsWith("java.")
                || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.")) {
            // JDK classes are not POJOs: their state is often transient or inaccessible to Avro reflect
            return false;
        }
        try {
            c.getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public Object deserialize(DataInputDeserializer in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case STRING: return in.readString();
            case LONG: return in.readLong();
            case INT: return in.readInt();
            case TUPLE2: return new Tuple2<>(deserialize(in), deserialize(in));
            case TUPLE3: return new Tuple3<>(deserialize(in), deserialize(in), deserialize(in));
            case NULL: return null;
            case DOUBLE: return in.readDouble();
            case BOOLEAN: return in.readBoolean();
            case BYTES: return BasicSerializers.BYTES.deserialize(in);
            case FLOAT: return in.readFloat();
            case SHORT: return in.readShort();
            case BYTE: return in.readByte();
            case CHAR: return (char) in.readShort();
            case AVRO_SPECIFIC: return byClass(in.readString(), true).deserialize(in);
            case AVRO_REFLECT: return byClass(in.readString(), false).deserialize(in);
            case AVRO_GENERIC: return bySchema(in.readString()).deserialize(in);
            default:
                throw new IllegalStateException("Corrupt record: unknown type tag " + tag + " before position "
                        + in.position());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private AvroSerializer<Object> byClass(String className, boolean specific) {
        AvroSerializer<Object> s = byClassName.get(className);
        if (s == null) {
            Class<?> c;
            try {
                c = Class.forName(className, false, classLoader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Record class " + className + " is not in the job's code", e);
            }
            s = specific ? (AvroSerializer) AvroSerializer.forSpecific((Class<SpecificRecord>) c)
                    : (AvroSerializer) AvroSerializer.forReflect(c);
            byClassName.put(className, s);
        }
        return s;
    }

    private AvroSerializer<GenericData.Record> bySchema(String schemaJson) {
        return bySchema.computeIfAbsent(schemaJson, j -> AvroSerializer.forGeneric(new Schema.Parser().parse(j)));
    }

    @Override
    public TypeSerializer<Object> duplicate() {
        return new DynamicSerializer(classLoader);
    }
}
