package io.weft.api.functions;

/** Turns each record into exactly one record. */
@FunctionalInterface
public interface MapFunction<T, R> extends Function {
    R map(T value) throws Exception;
}
