package io.weft.jobmanager.checkpoint;

import java.util.ArrayList;
import java.util.List;

/** An ordered, thread-safe record of what the fakes of a coordinator test saw. */
final class EventLog {
    private final List<String> events = new ArrayList<>();

    synchronized void add(String event) {
        events.add(event);
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }
}
