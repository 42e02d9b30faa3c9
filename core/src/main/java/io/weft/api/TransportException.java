package io.weft.api;

/** A connection problem between Weft processes, naming the peer; restartable. */
public class TransportException extends RestartableException {
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
