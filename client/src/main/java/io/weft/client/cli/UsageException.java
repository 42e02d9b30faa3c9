package io.weft.client.cli;

/**
 * A command line that cannot be carried out as given: a bad option value, a missing or broken job jar, a target
 * that this version does not offer. The message is one line that says what is wrong and how to fix it; the CLI
 * prints it and exits with {@link ExitCode#USAGE}. Thrown and handled on the CLI's thread.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
