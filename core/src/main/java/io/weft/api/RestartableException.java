package io.weft.api;

/** A failure that a restart of the job may cure; the restart strategy decides whether to try. */
public class RestartableException extends WeftException {
    public RestartableException(String message) {
        super(message);
    }

    public RestartableException(String message, Throwable cause) {
        super(message, cause);
    }
}
