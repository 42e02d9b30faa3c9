package io.weft.api.datastream;

import io.weft.api.InvalidProgramException;
import io.weft.config.Configuration;
import io.weft.graph.JobGraph;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import java.lang.reflect.InvocationTargetException;

/**
 * Re-creates a job's graph by running its program without submitting anything: the program's first
 * {@code execute()} hands over its job graph and the program is stopped there. A JobManager uses it to turn an
 * uploaded jar into a job, and a TaskManager to obtain the operators of a job — with fresh instances of the user's
 * functions, and no Java serialization. Vertex and data-set ids are derived from the program's structure, so
 * every run of the same program with the same arguments and configuration yields the same ids.
 *
 * <p>Runs the program on the calling thread; one capture at a time per JVM (the context is global).
 */
public final class PlanCapture {
    private JobGraph captured;

    private PlanCapture() {
    }

    /**
     * Runs {@code program} (typically a call of the job's {@code main}) and returns the job graph of its first
     * {@code execute()}.
     *
     * @throws InvalidProgramException when the program ends without calling {@code execute()}, or fails first
     */
    public static synchronized JobGraph capture(ProgramCall program, Configuration configuration,
            ClassLoader userClassLoader) {
        PlanCapture capture = new PlanCapture();
        StreamExecutionEnvironment.initializeCaptureContext(configuration, userClassLoader, capture);
        try {
            program.run();
        } catch (ProgramEnd end) {
            return capture.captured;
        } catch (Throwable t) {
            OutOfMemoryExit.haltIfOutOfMemory(t);
            if (capture.captured != null && causedByEnd(t)) {
                return capture.captured;
            }
            Throwable shown = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
            throw new InvalidProgramException("The program failed before it defined its job: " + shown, shown);
        } finally {
            StreamExecutionEnvironment.resetContext();
        }
        if (capture.captured != null) {
            return capture.captured;
        }
        throw new InvalidProgramException("The program ended without calling execute(): it defines no job");
    }

    private static boolean causedByEnd(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof ProgramEnd) {
                return true;
            }
        }
        return false;
    }

    ProgramEnd capture(JobGraph graph) {
        captured = graph;
        return new ProgramEnd();
    }

    /** A program to run; may throw anything (it usually invokes {@code main} reflectively). */
    @FunctionalInterface
    public interface ProgramCall {
        void run() throws Throwable;
    }

    /**
     * Ends a program at its {@code execute()} during a capture. An {@link Error}, so that a program's
     * {@code catch (Exception e)} does not swallow it.
     */
    public static final class ProgramEnd extends Error {
        ProgramEnd() {
            super("job graph captured", null, false, false);
        }
    }
}
