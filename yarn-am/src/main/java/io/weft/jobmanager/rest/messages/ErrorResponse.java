package io.weft.jobmanager.rest.messages;

import java.util.List;

/** The body of every error response: {@code {"errors":["what is wrong and how to fix it"]}}. Immutable. */
public record ErrorResponse(List<String> errors) {
}
