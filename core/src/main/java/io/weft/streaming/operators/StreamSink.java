package io.weft.streaming.operators;

import io.weft.api.JobID;
import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkContext;
import io.weft.api.connector.SinkWriter;
import io.weft.api.functions.Function;
import io.weft.config.Configuration;
import io.weft.streaming.OneInputStreamOperator;

/**
 * Hands records to a {@link SinkWriter}: created at open, finished when the input ends, closed always.
 *
 * <p>Task thread only.
 */
public final class StreamSink<T> extends AbstractStreamOperator<Function, Object>
        implements OneInputStreamOperator<T, Object> {
    private final Sink<T> sink;
    private SinkWriter<T> writer;

    public StreamSink(Sink<T> sink) {
        super(null, null);
        this.sink = sink;
    }

    @Override
    public void open() throws Exception {
        writer = sink.createWriter(new SinkContext() {
            @Override
            public JobID getJobId() {
                return context.jobId();
            }

            @Override
            public int getSubtaskIndex() {
                return context.subtaskIndex();
            }

            @Override
            public int getParallelism() {
                return context.parallelism();
            }

            @Override
            public int getAttemptNumber() {
                return context.attemptNumber();
            }

            @Override
            public Configuration getConfiguration() {
                return context.configuration();
            }
        });
    }

    @Override
    public void processElement(T record) throws Exception {
        writer.write(record);
    }

    @Override
    public void finish() throws Exception {
        writer.finish();
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
