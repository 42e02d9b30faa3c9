package io.weft.streaming;

/** An operator with one logical input (all incoming edges of a union merge into it). */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
    void processElement(IN record) throws Exception;
}
