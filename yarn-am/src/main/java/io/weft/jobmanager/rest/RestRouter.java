package io.weft.jobmanager.rest;

import io.weft.api.InvalidProgramException;
import io.weft.api.ProgramArgumentsException;
import io.weft.api.ProgramFailedException;
import io.weft.jobmanager.dispatcher.UnknownJobException;
import io.weft.jobmanager.rest.messages.ErrorResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the handler of a request by method and path template ({@code /jobs/:jobid/exceptions}; where several
 * templates match, those with the fewest parameters win), calls it, and turns every failure into a JSON error
 * response: 404 for an unknown path, 405 for a known path with another method, the status of a
 * {@link RestException}, 404 for an unknown job, 400 for an {@link InvalidProgramException} (with the program's
 * usage on a second line for bad arguments), 422 for a {@link ProgramFailedException}, and 500 (logged with its
 * stack trace) for anything else, which is a bug.
 *
 * <p>Immutable once built, so any number of event loops may route concurrently. Routing never blocks; the returned
 * future never fails and completes on whichever thread completes the handler's future.
 */
public final class RestRouter {
    private static final Logger LOG = LoggerFactory.getLogger(RestRouter.class);
    private final List<Route> routes;

    private RestRouter(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Routes one request.
     *
     * @param uri the request target as sent: path and optional query, percent-encoded; in absolute form
     *     ({@code http://host:port/path?query}, which HTTP/1.1 servers must accept) the scheme and host are ignored
     * @param contentType the {@code Content-Type} header or null
     * @param body the body bytes, empty when there is none
     * @param files the file parts of a multipart body, empty otherwise
     * @return the response; never fails
     */
    public CompletableFuture<RestResponse> route(String method, String uri, String contentType, byte[] body,
            List<FormFile> files) {
        String target = originForm(uri);
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        try {
            List<String> segments = pathSegments(path);
            Map<String, List<String>> query = q < 0 ? Map.of() : queryParameters(target.substring(q + 1));
            // the routes matching with the fewest parameters own the path: /jars/upload is not a /jars/:jarid
            int fewestParameters = Integer.MAX_VALUE;
            for (Route r : routes) {
                Map<String, String> params = r.match(segments);
                if (params != null) {
                    fewestParameters = Math.min(fewestParameters, params.size());
                }
            }
            Set<String> allowed = new LinkedHashSet<>();
            for (Route r : routes) {
                Map<String, String> params = r.match(segments);
                if (params == null || params.size() != fewestParameters) {
                    continue;
                }
                if (!r.method.equals(method)) {
                    allowed.add(r.method);
                    continue;
                }
                RestRequest request = new RestRequest(method, path, params, query, contentType, body, files);
                return r.handler.handle(request).handle((response, error) -> error == null ? response
                        : toErrorResponse(error, method, path));
            }
            if (allowed.isEmpty()) {
                return CompletableFuture.completedFuture(RestResponse.error(404, "No REST endpoint at " + path
                        + ": the endpoints are GET /overview, /config, /jobs, /jobs/overview, /jobs/:jobid, "
                        + "/jobs/:jobid/exceptions, /taskmanagers, /jars; PATCH /jobs/:jobid; POST /jars/upload, "
                        + "/jars/:jarid/run; DELETE /jars/:jarid"));
            }
            return CompletableFuture.completedFuture(new RestResponse(405, new ErrorResponse(List.of("Method "
                    + method + " is not allowed on " + path + ": use " + String.join(" or ", allowed))),
                    Map.of("Allow", String.join(", ", allowed))));
        } catch (RuntimeException | Error e) {
            return CompletableFuture.completedFuture(toErrorResponse(e, method, path));
        }
    }

    /** The response for a failed request; a failure that is no bad input is logged with its stack trace. */
    static RestResponse toErrorResponse(Throwable error, String method, String path) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RestException e) {
            return RestResponse.error(e.status(), e.getMessage());
        }
        if (cause instanceof UnknownJobException e) {
            return RestResponse.error(404, e.getMessage());
        }
        if (cause instanceof ProgramArgumentsException e && e.usage() != null) {
            return RestResponse.error(400, e.getMessage() + "\n" + e.usage());
        }
        if (cause instanceof InvalidProgramException e) {
            return RestResponse.error(400, e.getMessage());
        }
        if (cause instanceof ProgramFailedException e) {
            return RestResponse.error(422, e.getMessage());
        }
        LOG.error("Internal error while serving {} {}", method, path, cause);
        return RestResponse.error(500, "Internal error while serving " + method + " " + path + " (" + cause
                + "): this is a bug, see the JobManager log for its stack trace");
    }

    /** The path and query of a request target: an absolute-form target without its scheme and authority. */
    private static String originForm(String uri) {
        int scheme = uri.indexOf("://");
        if (uri.startsWith("/") || scheme < 0 || !uri.substring(0, scheme).equalsIgnoreCase("http")
                && !uri.substring(0, scheme).equalsIgnoreCase("https")) {
            return uri;
        }
        int end = scheme + 3;
        while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != '?') {
            end++;
        }
        String rest = uri.substring(end);
        return rest.startsWith("/") ? rest : "/" + rest;
    }

    private static List<String> pathSegments(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!p.startsWith("/")) {
            throw RestException.badRequest("The request path '" + p + "' does not start with '/'");
        }
        List<String> segments = new ArrayList<>();
        for (String s : p.substring(1).split("/", -1)) {
            segments.add(decode(s.replace("+", "%2B"), "request path"));
        }
        return segments;
    }

    private static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "query");
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text, String where) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest("Malformed percent-encoding '" + text + "' in the " + where + " ("
                    + e.getMessage() + "): encode special characters as %XX");
        }
    }

    /** Collects routes; not thread-safe, used by one thread before {@link #build()}. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a route.
         *
         * @param template a path such as {@code /jars/:jarid/run}; {@code :name} segments match any one segment
         */
        public Builder add(String method, String template, RestHandler handler) {
            routes.add(new Route(method, Arrays.asList(template.substring(1).split("/")), handler));
            return this;
        }

        public RestRouter build() {
            return new RestRouter(routes);
        }
    }

    /** One method and path template with its handler. */
    private record Route(String method, List<String> template, RestHandler handler) {
        /** The path parameters when {@code segments} match the template, else null. */
        Map<String, String> match(List<String> segments) {
            if (segments.size() != template.size()) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String t = template.get(i);
                String s = segments.get(i);
                if (t.startsWith(":")) {
                    if (s.isEmpty()) {
                        return null;
                    }
                    params.put(t.substring(1), s);
                } else if (!t.equals(s)) {
                    return null;
                }
            }
            return params;
        }
    }
}
