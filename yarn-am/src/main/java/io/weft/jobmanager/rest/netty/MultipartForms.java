package io.weft.jobmanager.rest.netty;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.weft.jobmanager.rest.FormFile;
import io.weft.jobmanager.rest.RestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the file parts of a complete {@code multipart/form-data} request body into memory (its size is already
 * bounded by {@code rest.server.max-content-length}).
 *
 * <p>Stateless; called on a connection's event loop, as part of parsing the request.
 */
final class MultipartForms {
    private MultipartForms() {
    }

    /**
     * The file parts of {@code request}, which must be multipart; it stays owned by the caller.
     *
     * @throws RestException (400) when the body is not well-formed multipart
     */
    static List<FormFile> files(FullHttpRequest request) {
        HttpPostRequestDecoder decoder;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
        } catch (RuntimeException e) {
            // the decoder's own exceptions and any other it lets slip on odd input
            throw malformed(e);
        }
        // a part cut off by the end of the body stays "partial"; the decoder does not release it itself
        InterfaceHttpData partial = decoder.currentPartialHttpData();
        try {
            if (partial != null) {
                throw RestException.badRequest("The multipart/form-data body ends inside the part '"
                        + partial.getName() + "' (the body was cut off): send the whole file");
            }
            List<FormFile> files = new ArrayList<>();
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload f) {
                    files.add(new FormFile(f.getName(), f.getFilename(), f.getContentType(), f.get()));
                }
            }
            return files;
        } catch (RestException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw malformed(e);
        } finally {
            decoder.destroy();
            if (partial != null && partial.refCnt() > 0) {
                partial.release(partial.refCnt());
            }
        }
    }

    private static RestException malformed(Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return RestException.badRequest("Malformed multipart/form-data body (" + detail + "): send the file as a "
                + "form part, as 'curl -F jarfile=@job.jar URL' does");
    }
}
