package io.weft.api;

/**
 * A program's {@code main()} threw before it defined its job (before its first {@code execute()}), for a reason
 * of its own rather than bad arguments or input, or ended itself with {@code System.exit} and a code other than 0
 * ({@link io.weft.runtime.entrypoint.ProgramExit}). The CLI reports it as "The program failed: …" with exit code 1
 * on every target, as it does when {@code main()} throws in a local run; the REST endpoint answers 422. Its message
 * is that whole line.
 */
public class ProgramFailedException extends WeftException {
    public ProgramFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
