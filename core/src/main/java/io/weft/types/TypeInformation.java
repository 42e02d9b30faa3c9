package io.weft.types;

/**
 * Declares the type of a stream, so its records travel with a dedicated serializer instead of the tagged
 * {@link DynamicSerializer}. Obtain instances from {@link Types}.
 */
@FunctionalInterface
public interface TypeInformation<T> {
    TypeSerializer<T> createSerializer(ClassLoader userCodeClassLoader);
}
