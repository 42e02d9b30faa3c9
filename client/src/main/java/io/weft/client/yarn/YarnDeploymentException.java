package io.weft.client.yarn;

/**
 * A YARN application that could not be brought up: it ended (FAILED or KILLED) before it ran, or did not run within
 * {@code yarn.deployment.timeout}. The message is one line with the application id and YARN's diagnostics; the CLI
 * exits with code 1. Thrown on the deploying thread.
 */
public final class YarnDeploymentException extends RuntimeException {
    public YarnDeploymentException(String message) {
        super(message);
    }

    public YarnDeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
