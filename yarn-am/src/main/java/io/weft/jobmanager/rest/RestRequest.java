package io.weft.jobmanager.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as REST handlers see it: method, path, the values of the route's path parameters, the query
 * parameters, and the body — raw bytes, and the file parts when it was {@code multipart/form-data}. Free of any
 * transport type. Immutable by convention (the body array is not copied).
 *
 * @param path the request path without the query, as sent (still percent-encoded)
 * @param pathParameters decoded values of the route's {@code :name} segments
 * @param queryParameters decoded query parameters; a name given several times keeps every value
 * @param contentType the {@code Content-Type} header, or null
 * @param body the body bytes, empty when there is none
 * @param files the file parts of a multipart body, empty otherwise
 */
public record RestRequest(String method, String path, Map<String, String> pathParameters,
        Map<String, List<String>> queryParameters, String contentType, byte[] body, List<FormFile> files) {

    /**
     * The value of a path parameter of the matched route.
     *
     * @throws IllegalArgumentException when the route has no such parameter (a bug in the route table)
     */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The route of " + method + " " + path + " has no parameter :" + name);
        }
        return value;
    }

    /**
     * The value of a query parameter, if given.
     *
     * @throws RestException (400) when it is given more than once with different values
     */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.getOrDefault(name, List.of());
        if (values.stream().distinct().count() > 1) {
            throw RestException.badRequest("Query parameter '" + name + "' is given " + values.size()
                    + " times with different values " + values + ": give it once");
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether the request carries a body. */
    public boolean hasBody() {
        return body.length > 0;
    }
}
