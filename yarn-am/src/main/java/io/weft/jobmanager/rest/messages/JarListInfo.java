package io.weft.jobmanager.rest.messages;

import java.util.List;

/** {@code GET /jars}: the uploaded jars, newest first. Immutable. */
public record JarListInfo(List<Item> files) {

    /**
     * One jar.
     *
     * @param id the jar id to use in {@code /jars/:jarid/run}
     * @param name the file name it was uploaded with
     * @param uploaded when it was uploaded (epoch millis)
     */
    public record Item(String id, String name, long uploaded) {
    }
}
