package io.weft.api.datastream;

import io.weft.api.InvalidProgramException;
import io.weft.api.ProgramFailedException;
import io.weft.config.Configuration;
import io.weft.graph.JobGraph;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.entrypoint.ProgramExit;
import io.weft.runtime.entrypoint.SystemExitGuard;
import java.lang.reflect.InvocationTargetException;

/**
 * Re-creates a job's graph by running its program without submitting anything: the program's first
 * {@code execute()} hands over its job graph and the program is stopped there. A JobManager uses it to turn an
 * uploaded jar into a job, and a TaskManager to obtain the operators of a job — with fresh instances of the user's
 * functions, and no Java serialization. Vertex and data-set ids are derived from the program's structure, so
 * every run of the same program with the same arguments and configuration yields the same ids.
 *
 * <p>Runs the program on the calling thread; one capture at a time per JVM (the context is global). A
 * {@code System.exit} of the program, on that thread or one it started, is refused while it runs
 * ({@link SystemExitGuard}), so that a JobManager survives it.
 */
public final class PlanCapture {
    private JobGraph captured;
    private final boolean validatesConnectors;

    private PlanCapture(boolean validatesConnectors) {
        this.validatesConnectors = validatesConnectors;
    }

    /**
     * Runs {@code program} (typically a call of the job's {@code main}) and returns the job graph of its first
     * {@code execute()}.
     *
     * @throws InvalidProgramException when the program ends without calling {@code execute()}, or throws one (bad
     *     arguments or input) first, or calls {@code System.exit(0)} first
     * @throws ProgramFailedException when the program throws anything else before {@code execute()}, or calls
     *     {@code System.exit} with another code first (refused by {@link SystemExitGuard} where it is installed;
     *     see {@link ProgramExit} for the rule)
     */
    public static JobGraph capture(ProgramCall program, Configuration configuration,
            ClassLoader userClassLoader) {
        return capture(program, configuration, userClassLoader, false);
    }

    /**
     * As {@link #capture(ProgramCall, Configuration, ClassLoader)}; with {@code validateConnectors} the sources
     * are checked at {@code execute()} as a submission checks them (sinks are not: their check may create the
     * output) (an input that does not exist is an
     * {@link InvalidProgramException}), so that a job which cannot run is refused before anything is created.
     */
    public static synchronized JobGraph capture(ProgramCall program, Configuration configuration,
            ClassLoader userClassLoader, boolean validateConnectors) {
        PlanCapture capture = new PlanCapture(validateConnectors);
        StreamExecutionEnvironment.initializeCaptureContext(configuration, userClassLoader, capture);
        SystemExitGuard.Scope exits = SystemExitGuard.enter();
        try {
            program.run();
        } catch (ProgramEnd end) {
            return capture.captured;
        } catch (Throwable t) {
            OutOfMemoryExit.haltIfOutOfMemory(t);
            // A program that catches the end of the capture and then exits defined its job all the same.
            if (capture.captured != null && (causedByEnd(t) || exits.exit().isPresent())) {
                return capture.captured;
            }
            failIfExited(exits);
            Throwable shown = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
            if (shown instanceof InvalidProgramException invalid) {
                // bad arguments or input, as the program or Weft's own checks found them: the user's to fix
                throw invalid;
            }
            String message = shown.getMessage() == null || shown.getMessage().isBlank() ? shown.toString()
                    : shown.getMessage();
            throw new ProgramFailedException("The program failed: " + message, shown);
        } finally {
            exits.close();
            StreamExecutionEnvironment.resetContext();
        }
        if (capture.captured != null) {
            return capture.captured;
        }
        failIfExited(exits);
        throw new InvalidProgramException("The program ended without calling execute(): it defines no job");
    }

    /**
     * Throws the failure that a {@code System.exit} of a program without a job makes (see {@link ProgramExit}):
     * the exit counts even when the program caught its refusal and went on.
     */
    private static void failIfExited(SystemExitGuard.Scope exits) {
        RuntimeException failure = exits.exit().map(exit -> exit.failure(false)).orElse(null);
        if (failure != null) {
            throw failure;
        }
    }

    private static boolean causedByEnd(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof ProgramEnd) {
                return true;
            }
        }
        return false;
    }

    boolean validatesConnectors() {
        return validatesConnectors;
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
