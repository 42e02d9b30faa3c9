package io.weft.api;

/**
 * A program's {@code main()} threw before it defined its job (before its first {@code execute()}), for a reason
 * of its own rather than bad arguments or input. The CLI reports it as "The program failed: …" with exit code 1 on
 * every target, as it does when {@code main()} throws in a local run; the REST endpoint answers 422.
 */
public class ProgramFailedException extends WeftException {
    public ProgramFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
