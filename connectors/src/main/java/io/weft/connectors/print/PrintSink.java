package io.weft.connectors.print;

import io.weft.api.connector.Sink;
import io.weft.api.connector.SinkContext;
import io.weft.api.connector.SinkWriter;
import java.io.PrintStream;

/**
 * A sink that prints every record as a line ({@code String.valueOf(record)}) to {@code System.out}, or to
 * {@code System.err} with {@link #toStdErr()}. When the sink runs with a parallelism above 1, each line starts
 * with {@code <subtask + 1>> }, as in Flink.
 *
 * <h2>Threading</h2>
 * The sink is immutable and shared by all subtasks; each writer is used by its subtask's task thread only. Writers
 * of different subtasks share the stream and print whole lines while holding its lock, so lines never interleave.
 * The stream is looked up when a writer is created, so a redirected {@code System.out} is honoured.
 */
public final class PrintSink<T> implements Sink<T> {
    private final boolean stdErr;

    /** A sink printing to {@code System.out}. */
    public PrintSink() {
        this(false);
    }

    private PrintSink(boolean stdErr) {
        this.stdErr = stdErr;
    }

    /** A copy of this sink that prints to {@code System.err}. */
    public PrintSink<T> toStdErr() {
        return new PrintSink<>(true);
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        String prefix = context.getParallelism() > 1 ? (context.getSubtaskIndex() + 1) + "> " : "";
        return new PrintSinkWriter<>(stdErr ? System.err : System.out, prefix);
    }

    @Override
    public String toString() {
        return "PrintSink{" + (stdErr ? "stderr" : "stdout") + "}";
    }

    /** Prints one subtask's records; used by its task thread only. */
    private static final class PrintSinkWriter<T> implements SinkWriter<T> {
        private final PrintStream stream;
        private final String prefix;

        PrintSinkWriter(PrintStream stream, String prefix) {
            this.stream = stream;
            this.prefix = prefix;
        }

        @Override
        public void write(T record) {
            String line = prefix + record;
            synchronized (stream) {
                stream.println(line);
            }
        }

        @Override
        public void finish() {
            stream.flush();
        }

        @Override
        public void close() {
            // The standard streams belong to the process: flush, never close.
            stream.flush();
        }
    }
}
