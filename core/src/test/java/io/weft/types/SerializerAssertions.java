package io.weft.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;

/** Round trips and truncation checks shared by the serializer tests. */
final class SerializerAssertions {
    private SerializerAssertions() {
    }

    /** The bytes of one value, in a buffer that starts deliberately small so that it must grow. */
    static <T> byte[] bytesOf(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1);
        serializer.serialize(value, out);
        return Arrays.copyOf(out.getSharedBuffer(), out.length());
    }

    /** Serializes and deserializes one value, checking that exactly the written bytes are read. */
    static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        return roundTrip(serializer, serializer, value);
    }

    /** As {@link #roundTrip(TypeSerializer, Object)}, reading with a different serializer instance. */
    static <T> T roundTrip(TypeSerializer<T> writer, TypeSerializer<T> reader, T value) throws IOException {
        byte[] bytes = bytesOf(writer, value);
        // surround the record with junk so that reads outside its range would be noticed
        byte[] framed = new byte[bytes.length + 6];
        Arrays.fill(framed, (byte) 0x5A);
        System.arraycopy(bytes, 0, framed, 3, bytes.length);
        DataInputDeserializer in = new DataInputDeserializer(framed, 3, bytes.length);
        T result = reader.deserialize(in);
        assertThat(in.available()).as("bytes left unread after deserializing %s", value).isZero();
        return result;
    }

    /** Every proper prefix of the value's bytes is reported as truncated data with an IllegalStateException. */
    static <T> void assertEveryTruncationIsRejected(TypeSerializer<T> serializer, T value) throws IOException {
        byte[] bytes = bytesOf(serializer, value);
        for (int len = 0; len < bytes.length; len++) {
            DataInputDeserializer in = new DataInputDeserializer(bytes, 0, len);
            int cut = len;
            assertThatThrownBy(() -> serializer.deserialize(in))
                    .as("deserializing the first %d of %d bytes of %s", cut, bytes.length, value)
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
