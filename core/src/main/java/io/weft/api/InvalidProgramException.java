package io.weft.api;

/**
 * The program cannot be submitted as written: an input that does not exist, an output that cannot be written, an
 * invalid setting. Raised before submission; the message names the problem and the fix.
 */
public class InvalidProgramException extends FatalException {
    public InvalidProgramException(String message) {
        super(message);
    }

    public InvalidProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}
