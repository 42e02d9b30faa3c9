package io.weft.jobmanager.rest.netty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.weft.config.RestOptions;
import io.weft.jobmanager.rest.RestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link RestResponse} into a full HTTP response with a JSON body.
 *
 * <p>Stateless; called on a connection's event loop, where serializing the body is part of writing it.
 */
final class HttpResponses {
    private static final Logger LOG = LoggerFactory.getLogger(HttpResponses.class);
    private static final byte[] SERIALIZATION_FAILED = ("{\"errors\":[\"Internal error: the response could not be "
            + "written as JSON; this is a bug, see the JobManager log\"]}").getBytes(StandardCharsets.UTF_8);

    private HttpResponses() {
    }

    static FullHttpResponse toHttp(RestResponse response, ObjectMapper mapper) {
        int status = response.status();
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(response.body());
        } catch (JsonProcessingException e) {
            LOG.error("Could not write the response {} as JSON", response, e);
            status = 500;
            json = SERIALIZATION_FAILED;
        }
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(json));
        http.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON + "; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            http.headers().set(h.getKey(), h.getValue());
        }
        return http;
    }

    /**
     * The 413 answer for a body over a limit.
     *
     * @param length the announced length, or -1 when the body has none
     * @param configured whether {@code limit} is {@code rest.server.max-content-length} itself, rather than the
     *     smaller one for bodies that are not file uploads
     */
    static FullHttpResponse tooLarge(long length, long limit, boolean configured, ObjectMapper mapper) {
        String size = length < 0 ? "The request body is" : "The request body of " + length + " bytes is";
        String fix = configured ? "send a smaller body or raise " + RestOptions.SERVER_MAX_CONTENT_LENGTH.key()
                : "only multipart/form-data file uploads may be larger (up to "
                        + RestOptions.SERVER_MAX_CONTENT_LENGTH.key() + ")";
        return toHttp(RestResponse.error(413, size + " larger than the limit of " + limit + " bytes: " + fix), mapper);
    }
}
