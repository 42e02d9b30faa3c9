package io.weft.jobmanager.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /config}: what a web front end needs to know, as Flink's dashboard configuration. Immutable. */
public record DashboardConfiguration(
        @JsonProperty("refresh-interval") long refreshInterval,
        @JsonProperty("timezone-name") String timezoneName,
        @JsonProperty("timezone-offset") long timezoneOffset,
        @JsonProperty("weft-version") String weftVersion) {
}
