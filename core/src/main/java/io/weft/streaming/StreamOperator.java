package io.weft.streaming;

/**
 * One operator of a task's chain.
 *
 * <p>Life cycle, all on the task thread: {@link #setup} → {@link #open} → records → {@link #finish} (only when
 * every input has ended) → {@link #close} (always, also after failure or cancellation). A new instance is
 * created for every execution attempt.
 */
public interface StreamOperator<OUT> {
    void setup(OperatorContext context, Output<OUT> output);

    void open() throws Exception;

    /** All input has been processed: emit what is buffered (final aggregates, pending timers). */
    void finish() throws Exception;

    void close() throws Exception;
}
