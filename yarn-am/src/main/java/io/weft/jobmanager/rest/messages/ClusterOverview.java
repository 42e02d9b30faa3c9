package io.weft.jobmanager.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /overview}: TaskManagers, slots and jobs by outcome, as Flink's cluster overview. Immutable. */
public record ClusterOverview(
        @JsonProperty("taskmanagers") int taskManagers,
        @JsonProperty("slots-total") int slotsTotal,
        @JsonProperty("slots-available") int slotsAvailable,
        @JsonProperty("jobs-running") int jobsRunning,
        @JsonProperty("jobs-finished") int jobsFinished,
        @JsonProperty("jobs-cancelled") int jobsCancelled,
        @JsonProperty("jobs-failed") int jobsFailed,
        @JsonProperty("weft-version") String weftVersion) {
}
