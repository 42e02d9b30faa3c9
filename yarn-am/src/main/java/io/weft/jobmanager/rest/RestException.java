package io.weft.jobmanager.rest;

import io.weft.api.WeftException;

/**
 * A request the REST endpoint refuses, with the HTTP status to answer and a one-line message saying what is wrong
 * and how to fix it. Thrown by handlers (or used to fail their futures); the router turns it into
 * {@code {"errors":[message]}}. Immutable.
 */
public final class RestException extends WeftException {
    private final int status;

    public RestException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status code, a 4xx for bad requests. */
    public int status() {
        return status;
    }

    public static RestException badRequest(String message) {
        return new RestException(400, message);
    }

    public static RestException notFound(String message) {
        return new RestException(404, message);
    }
}
