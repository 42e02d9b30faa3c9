package io.weft.jobmanager.rest.messages;

import java.util.List;

/** {@code GET /taskmanagers}: every registered TaskManager with its slots and free slots. Immutable. */
public record TaskManagersInfo(List<Item> taskmanagers) {

    /** One TaskManager. */
    public record Item(String id, int slotsNumber, int freeSlots) {
    }
}
