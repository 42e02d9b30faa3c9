package io.weft.runtime.rpc.netty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro binary encoding of specific records, and strict decoding: the bytes must hold exactly one record of the
 * expected schema, nothing more.
 *
 * <p>Stateless and thread-safe (readers and writers are made per call, so none is shared between threads).
 */
final class AvroCodec {
    private AvroCodec() {
    }

    /** The name a message travels under: the full name of its schema. */
    static String typeName(Class<? extends SpecificRecord> type) {
        return schemaOf(type).getFullName();
    }

    static byte[] encode(SpecificRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        SpecificDatumWriter<SpecificRecord> writer = new SpecificDatumWriter<>(record.getSchema(),
                SpecificData.getForClass(record.getClass()));
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes {@code bytes} as one record of {@code type}.
     *
     * @throws MalformedMessageException when the bytes are not exactly one such record
     */
    static <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) {
        Schema schema = schemaOf(type);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, schema, SpecificData.getForClass(type));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        try {
            T record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new MalformedMessageException(bytes.length + " bytes hold a " + schema.getName()
                        + " followed by more bytes");
            }
            return record;
        } catch (MalformedMessageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Garbage surfaces as EOF, bad union or enum indexes, negative lengths or class casts.
            throw new MalformedMessageException(bytes.length + " bytes are not a " + schema.getName() + ": " + e,
                    e);
        }
    }

    private static Schema schemaOf(Class<? extends SpecificRecord> type) {
        return SpecificData.getForClass(type).getSchema(type);
    }

    /** Bytes that do not decode as the expected record. */
    static final class MalformedMessageException extends RuntimeException {
        MalformedMessageException(String message) {
            super(message);
        }

        MalformedMessageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
