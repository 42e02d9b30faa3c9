package io.weft.types;

/**
 * The serializers of primitives (boxed), String and byte[]; each is stateless and shared.
 */
public final class BasicSerializers {
    public static final TypeSerializer<Long> LONG = new TypeSerializer<>() {
        @Override
        public void serialize(Long record, DataOutputSerializer target) {
            target.writeLong(record);
        }

        @Override
        public Long deserialize(DataInputDeserializer source) {
            return source.readLong();
        }
    };

    public static final TypeSerializer<Integer> INT = new TypeSerializer<>() {
        @Override
        public void serialize(Integer record, DataOutputSerializer target) {
            target.writeInt(record);
        }

        @Override
        public Integer deserialize(DataInputDeserializer source) {
            return source.readInt();
        }
    };

    public static final TypeSerializer<Double> DOUBLE = new TypeSerializer<>() {
        @Override
        public void serialize(Double record, DataOutputSerializer target) {
            target.writeDouble(record);
        }

        @Override
        public Double deserialize(DataInputDeserializer source) {
            return source.readDouble();
        }
    };

    public static final TypeSerializer<Boolean> BOOLEAN = new TypeSerializer<>() {
        @Override
        public void serialize(Boolean record, DataOutputSerializer target) {
            target.writeBoolean(record);
        }

        @Override
        public Boolean deserialize(DataInputDeserializer source) {
            return source.readBoolean();
        }
    };

    /** Strings, null allowed, in the compact form of {@link DataOutputSerializer#writeString}. */
    public static final TypeSerializer<String> STRING = new TypeSerializer<>() {
        @Override
        public void serialize(String record, DataOutputSerializer target) {
            target.writeString(record);
        }

        @Override
        public String deserialize(DataInputDeserializer source) {
            return source.readString();
        }
    };

    /** Byte arrays, null allowed: length plus one, then the bytes. */
    public static final TypeSerializer<byte[]> BYTES = new TypeSerializer<>() {
        @Override
        public void serialize(byte[] record, DataOutputSerializer target) {
            if (record == null) {
                target.writeVarInt(0);
            } else {
                target.writeVarInt(record.length + 1);
                target.write(record, 0, record.length);
            }
        }

        @Override
        public byte[] deserialize(DataInputDeserializer source) throws java.io.IOException {
            int len = source.readVarInt() - 1;
            if (len < 0) {
                return null;
            }
            byte[] b = new byte[len];
            source.readFully(b);
            return b;
        }
    };

    private BasicSerializers() {
    }
}
