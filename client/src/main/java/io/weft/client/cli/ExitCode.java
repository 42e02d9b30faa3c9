package io.weft.client.cli;

/**
 * The exit codes of {@code weft}, as the user-facing contract defines them.
 *
 * <p>Constants only; thread-safe.
 */
public final class ExitCode {
    /** The program returned normally: its jobs FINISHED (or a detached submission was accepted). */
    public static final int SUCCESS = 0;
    /** A job FAILED or was CANCELED, or the program threw. */
    public static final int JOB_FAILED = 1;
    /** Usage or configuration error; the message says what is wrong and how to fix it. */
    public static final int USAGE = 2;
    /** The cluster named by the target could not be reached. */
    public static final int CLUSTER_UNREACHABLE = 3;

    private ExitCode() {
    }
}
