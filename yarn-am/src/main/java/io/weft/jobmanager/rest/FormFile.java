package io.weft.jobmanager.rest;

import java.nio.file.Path;

/**
 * One file part of a {@code multipart/form-data} request body, received into a file of the upload directory.
 * Immutable. The file belongs to the request: a handler that keeps it moves it away; whatever is left at the path
 * once the request is answered is deleted.
 *
 * @param fieldName the form field's name, such as {@code jarfile}
 * @param fileName the file name the client sent, possibly with a path or empty
 * @param contentType the part's content type as sent, possibly null
 * @param file where the part's bytes are
 * @param size the part's length in bytes
 */
public record FormFile(String fieldName, String fileName, String contentType, Path file, long size) {
}
