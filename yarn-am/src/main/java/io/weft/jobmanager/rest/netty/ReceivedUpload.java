package io.weft.jobmanager.rest.netty;

import io.netty.handler.codec.http.HttpRequest;
import io.weft.jobmanager.rest.FormFile;
import io.weft.jobmanager.rest.RestResponse;
import java.util.List;

/**
 * A {@code multipart/form-data} request whose body {@link MultipartUploadHandler} has received into files: the
 * request line and headers, and the file parts, or the error answer when the body could not be read. Immutable;
 * passed from the upload handler to {@link RestChannelHandler} on the connection's event loop.
 *
 * @param files the file parts, empty when {@code error} is set
 * @param error the answer for a body that is not well-formed multipart, else null
 */
record ReceivedUpload(HttpRequest request, List<FormFile> files, RestResponse error) {
}
