package io.weft.client.rest;

import io.weft.api.WeftException;

/** The cluster answered a request with an error status; carries the status and the server's error messages. */
public final class RestRequestException extends WeftException {
    /** The status of a program whose {@code main()} failed on the cluster before it defined its job. */
    public static final int PROGRAM_FAILED = 422;
    private final int status;

    public RestRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status code (4xx: the request was wrong, 5xx: the cluster failed). */
    public int status() {
        return status;
    }
}
