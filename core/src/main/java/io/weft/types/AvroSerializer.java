package io.weft.types;

import java.io.EOFException;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.reflect.ReflectDatumReader;
import org.apache.avro.reflect.ReflectDatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Serializes records of one Avro schema in Avro's binary encoding: specific records (generated classes),
 * generic records, or any POJO through Avro reflect.
 *
 * <p>Not thread-safe (it reuses encoders); {@link #duplicate()} gives each thread its own.
 */
public final class AvroSerializer<T> implements TypeSerializer<T> {
    /** Which Avro data model maps objects to the schema. */
    public enum Model { SPECIFIC, GENERIC, REFLECT }

    private final Model model;
    private final Schema schema;
    private final ClassLoader classLoader;
    private final DatumWriter<T> writer;
    private final DatumReader<T> reader;
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    private AvroSerializer(Model model, Schema schema, ClassLoader classLoader) {
        this.model = model;
        this.schema = schema;
        this.classLoader = classLoader;
        switch (model) {
            case SPECIFIC -> {
                SpecificData data = new SpecificData(classLoader);
                writer = new SpecificDatumWriter<>(schema, data);
                reader = new SpecificDatumReader<>(schema, schema, data);
            }
            case GENERIC -> {
                writer = new GenericDatumWriter<>(schema, GenericData.get());
                reader = new GenericDatumReader<>(schema, schema, GenericData.get());
            }
            default -> {
                ReflectData data = new ReflectData(classLoader);
                writer = new ReflectDatumWriter<>(schema, data);
                reader = new ReflectDatumReader<>(schema, schema, data);
            }
        }
    }

    /** For a class generated from an Avro schema. */
    public static <T extends SpecificRecord> AvroSerializer<T> forSpecific(Class<T> type) {
        return new AvroSerializer<>(Model.SPECIFIC, SpecificData.get().getSchema(type), type.getClassLoader());
    }

    /** For generic records of the given schema. */
    public static AvroSerializer<GenericData.Record> forGeneric(Schema schema) {
        return new AvroSerializer<>(Model.GENERIC, schema, AvroSerializer.class.getClassLoader());
    }

    /** For a plain Java class (a POJO) through Avro reflect. */
    public static <T> AvroSerializer<T> forReflect(Class<T> type) {
        ReflectData data = new ReflectData(type.getClassLoader());
        return new AvroSerializer<>(Model.REFLECT, data.getSchema(type), type.getClassLoader());
    }

    public Schema getSchema() {
        return schema;
    }

    @Override
    public void serialize(T record, DataOutputSerializer target) throws IOException {
        encoder = EncoderFactory.get().directBinaryEncoder(target, encoder);
        writer.write(record, encoder);
        encoder.flush();
    }

    @Override
    public T deserialize(DataInputDeserializer source) throws IOException {
        decoder = DecoderFactory.get().directBinaryDecoder(source, decoder);
        try {
            return reader.read(null, decoder);
        } catch (EOFException e) {
            throw new IllegalStateException("Truncated Avro record of schema " + schema.getFullName()
                    + " before position " + source.position(), e);
        }
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new AvroSerializer<>(model, schema, classLoader);
    }
}
