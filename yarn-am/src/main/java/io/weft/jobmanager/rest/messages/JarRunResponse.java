package io.weft.jobmanager.rest.messages;

/** {@code POST /jars/:jarid/run}: the id of the submitted job. Immutable. */
public record JarRunResponse(String jobid) {
}
