package io.weft.api.functions;

/**
 * Extracts the key of a record. Keys must have a stable {@link Object#hashCode()} and {@code equals}: the key
 * group of a key, and so the subtask that owns it, is derived from its hash code.
 */
@FunctionalInterface
public interface KeySelector<T, K> extends Function {
    K getKey(T value) throws Exception;
}
