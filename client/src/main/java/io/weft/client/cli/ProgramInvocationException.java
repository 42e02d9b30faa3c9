package io.weft.client.cli;

/**
 * Carries what a program's {@code main()} threw (its cause), as opposed to a problem the CLI found before starting
 * it; the CLI turns the cause into an exit code. Thrown and handled on the CLI's thread.
 */
final class ProgramInvocationException extends Exception {
    ProgramInvocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
