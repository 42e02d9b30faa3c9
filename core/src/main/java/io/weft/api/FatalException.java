package io.weft.api;

/** A failure no restart can cure: the job fails at once whatever the restart strategy says. */
public class FatalException extends WeftException {
    public FatalException(String message) {
        super(message);
    }

    public FatalException(String message, Throwable cause) {
        super(message, cause);
    }
}
