package io.weft.jobmanager.rest.messages;

/** {@code POST /jars/upload}: the stored jar's file name, which is also its jar id. Immutable. */
public record JarUploadResponse(String filename, String status) {
}
