package io.weft.jobmanager.rest;

/**
 * One file part of a {@code multipart/form-data} request body, fully read. Immutable by convention: the content
 * array is handed over, not copied.
 *
 * @param fieldName the form field's name, such as {@code jarfile}
 * @param fileName the file name the client sent, possibly with a path or empty
 * @param contentType the part's content type as sent, possibly null
 * @param content the part's bytes
 */
public record FormFile(String fieldName, String fileName, String contentType, byte[] content) {
}
