package io.weft.types;

/**
 * Turns records of one type into bytes and back, for the network and for state snapshots.
 *
 * <p>A serializer may keep scratch state, so each thread uses its own {@link #duplicate()}. Java serialization
 * is never used.
 *
 * @param <T> the record type
 */
public interface TypeSerializer<T> {
    void serialize(T record, DataOutputSerializer target) throws java.io.IOException;

    T deserialize(DataInputDeserializer source) throws java.io.IOException;

    /** A serializer for another thread; stateless serializers return themselves. */
    default TypeSerializer<T> duplicate() {
        return this;
    }
}
