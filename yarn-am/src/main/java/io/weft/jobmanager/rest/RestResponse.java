package io.weft.jobmanager.rest;

import io.weft.jobmanager.rest.messages.ErrorResponse;
import java.util.List;
import java.util.Map;

/**
 * What a handler answers: an HTTP status, a body that the server writes as JSON, and extra headers. Immutable.
 *
 * @param body an object Jackson serializes (a message record or a map)
 * @param headers extra response headers, such as {@code Allow} for 405
 */
public record RestResponse(int status, Object body, Map<String, String> headers) {

    /** 200 with {@code body}. */
    public static RestResponse ok(Object body) {
        return new RestResponse(200, body, Map.of());
    }

    public static RestResponse of(int status, Object body) {
        return new RestResponse(status, body, Map.of());
    }

    /** {@code {"errors":[message]}} with {@code status}. */
    public static RestResponse error(int status, String message) {
        return new RestResponse(status, new ErrorResponse(List.of(message)), Map.of());
    }
}
