package io.weft.connectors.testing;

import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkWriter;
import java.util.List;

/**
 * Drives sink writers through the {@link SinkWriter} contract as the engine's task thread would: write every
 * record, then finish and close (a successful attempt) or only close (a failed or cancelled attempt).
 */
public final class SinkDriver {
    private SinkDriver() {
    }

    /** Runs one successful attempt: write all, finish, close. */
    public static <T> void runSuccessful(Sink<T> sink, TestSinkContext context, List<T> records) throws Exception {
        SinkWriter<T> writer = sink.createWriter(context);
        try {
            for (T r : records) {
                writer.write(r);
            }
            writer.finish();
        } finally {
            writer.close();
        }
    }

    /** Runs one attempt that fails after writing all records: write all, close without finish. */
    public static <T> void runFailed(Sink<T> sink, TestSinkContext context, List<T> records) throws Exception {
        SinkWriter<T> writer = sink.createWriter(context);
        try {
            for (T r : records) {
                writer.write(r);
            }
        } finally {
            writer.close();
        }
    }
}
