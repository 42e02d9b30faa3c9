package io.weft.api;

/**
 * The root of Weft's exception taxonomy.
 *
 * <ul>
 *   <li>{@link RestartableException}: a failure a restart may cure (a lost TaskManager, a transient I/O error);
 *   <li>{@link FatalException}: a failure no restart cures (a bug, a bad configuration); the job fails at once;
 *   <li>{@link TransportException}: a connection problem between processes, restartable.
 * </ul>
 * Any other exception thrown by user code counts as restartable: the restart strategy decides.
 */
public class WeftException extends RuntimeException {
    public WeftException(String message) {
        super(message);
    }

    public WeftException(String message, Throwable cause) {
        super(message, cause);
    }
}
