package io.weft.jobmanager.rest.messages;

import java.util.List;

/** {@code GET /jobs}: every job's id and status, running jobs first. Immutable. */
public record JobIdsWithStatus(List<Item> jobs) {

    /** One job. */
    public record Item(String id, String status) {
    }
}
