package io.weft.runtime.entrypoint;

import io.weft.api.InvalidProgramException;
import io.weft.api.ProgramFailedException;

/**
 * A {@code System.exit} that a program called while Weft ran its {@code main()} (refused by {@link SystemExitGuard}),
 * and the one rule that turns it into an outcome, the same on every target.
 *
 * <h2>The rule</h2>
 * {@code System.exit(n)} is taken as the program ending right there:
 * <ul>
 *   <li>{@code n != 0}: the program failed, as if {@code main()} had thrown — a {@link ProgramFailedException}
 *       (exit code 1; REST 422);
 *   <li>{@code n == 0} once the program has defined its job (its {@code execute()} was called): a normal return,
 *       so the job's own outcome decides — Flink programs often end {@code main()} with {@code System.exit(0)}
 *       after {@code execute()}, and their jobs must not count as failed for it;
 *   <li>{@code n == 0} before the program defined a job: the program defines no job, which the user must fix — an
 *       {@link InvalidProgramException} (exit code 2; REST 400).
 * </ul>
 * Where {@code main()} runs only up to its first {@code execute()} (a capture: the remote and YARN targets), what
 * follows {@code execute()} never runs, so only the local target sees an exit after the job.
 *
 * <p>Immutable.
 *
 * @param status the code given to {@code System.exit}
 * @param thread the name of the thread that called it
 * @param mainThread whether that thread is the one that ran {@code main()}
 */
public record ProgramExit(int status, String thread, boolean mainThread) {
    private static final String HOW = "a Weft program returns from main() after execute()";

    /**
     * The failure this exit makes of the run, or null when it counts as a normal return.
     *
     * @param jobDefined whether the program had called {@code execute()} before it exited
     */
    public RuntimeException failure(boolean jobDefined) {
        String caller = mainThread ? "main()" : "thread '" + thread + "'";
        if (status != 0) {
            return new ProgramFailedException("The program failed: its " + caller + " called System.exit(" + status
                    + (mainThread ? ") instead of returning; " : "), which Weft refuses; ") + HOW
                    + ", and throws an exception to fail", null);
        }
        if (jobDefined) {
            return null;
        }
        return new InvalidProgramException("The program's " + caller + " called System.exit(0) before execute(), so "
                + "it defines no job: " + HOW);
    }
}
