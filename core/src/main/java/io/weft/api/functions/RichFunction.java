package io.weft.api.functions;

/**
 * A function with a life cycle: {@link #open} before the first record, {@link #close} after the last (also
 * after a failure). Both run on the task thread.
 */
public interface RichFunction extends Function {
    default void open(RuntimeContext context) throws Exception {
    }

    default void close() throws Exception {
    }
}
