package io.weft.jobmanager.rest;

import java.util.concurrent.CompletableFuture;

/**
 * Answers the requests of one route.
 *
 * <p>Called on a network event loop: it must not block. It parses and checks the request, asks the Dispatcher,
 * ResourceManager or jar store (which answer with futures) and returns a future of the response. Bad input is
 * reported by throwing (or failing the future with) a {@link RestException}.
 */
@FunctionalInterface
public interface RestHandler {
    CompletableFuture<RestResponse> handle(RestRequest request);
}
