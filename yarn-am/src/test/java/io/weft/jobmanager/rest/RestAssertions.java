package io.weft.jobmanager.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.AbstractStringAssert;

/** Assertions on answers of the REST endpoint. */
final class RestAssertions {
    private RestAssertions() {
    }

    /**
     * Asserts that {@code r} is an error answer as the contract has it: {@code status} with a JSON body that is
     * exactly {@code {"errors":[message]}} and one non-blank message.
     *
     * @return an assertion on the message
     */
    static AbstractStringAssert<?> assertError(RestClient.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(r.body()).hasValue("application/json; charset=UTF-8");
        JsonNode json = r.json();
        assertThat(json).as("a JSON body: %s", r.body()).isNotNull();
        assertThat(json.isObject() && json.size() == 1 && json.has("errors")).as(r.body()).isTrue();
        JsonNode errors = json.get("errors");
        assertThat(errors.isArray() && errors.size() == 1 && errors.get(0).isTextual()).as(r.body()).isTrue();
        return assertThat(errors.get(0).asText()).as(r.body()).isNotBlank();
    }

    /** {@link #assertError} on the first response of a {@link RestClient#raw} answer. */
    static AbstractStringAssert<?> assertError(String raw, int status) {
        return assertError(RestClient.parse(raw), status);
    }
}
