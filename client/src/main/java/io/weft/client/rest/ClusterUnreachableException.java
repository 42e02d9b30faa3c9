package io.weft.client.rest;

import io.weft.api.TransportException;

/** The cluster's REST endpoint did not answer; the message names the address and what to check. */
public final class ClusterUnreachableException extends TransportException {
    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
