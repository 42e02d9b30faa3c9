package io.weft.dist.jobs;

import io.weft.api.connector.DiscardingSink;
import io.weft.api.datastream.StreamExecutionEnvironment;

/** A job whose map fails on its first record, with the message {@value #MESSAGE}. */
public final class FailingJob {
    public static final String MESSAGE = "FailingJob fails on purpose";

    private FailingJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData(1L, 2L, 3L)
                .map(x -> {
                    if (x > 0) {
                        throw new IllegalStateException(MESSAGE);
                    }
                    return x;
                })
                .sinkTo(new DiscardingSink<>());
        env.execute("FailingJob");
    }
}
