package io.weft.jobmanager.rest.netty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Netty's {@link HttpObjectAggregator} for the small bodies (JSON) of requests that are not file uploads, whose "too
 * large" answers (413) carry a JSON {@code errors} body naming the limit and the setting, like every other error of
 * the REST endpoint. File uploads never reach it: {@link MultipartUploadHandler} streams them to disk.
 *
 * <p>One per connection, on its event loop. The connection handling is Netty's: a request announcing a body over
 * the limit is answered at once and its body discarded (the connection stays open when keep-alive); a body found
 * too large only while it arrives closes the connection, and so does a refused {@code Expect: 100-continue}
 * (the client may or may not send the body then, so the connection cannot be reused).
 */
final class JsonHttpObjectAggregator extends HttpObjectAggregator {
    private final ObjectMapper mapper;
    private final boolean configured;

    /**
     * @param configured whether {@code maxContentLength} is {@code rest.server.max-content-length} itself, rather
     *     than the smaller limit for bodies that are not file uploads
     */
    JsonHttpObjectAggregator(int maxContentLength, boolean configured, ObjectMapper mapper) {
        super(maxContentLength, true);
        this.mapper = mapper;
        this.configured = configured;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        boolean close = oversized instanceof FullHttpMessage
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        FullHttpResponse response = tooLarge(oversized);
        HttpUtil.setKeepAlive(response, !close);
        ctx.writeAndFlush(response).addListener(close ? ChannelFutureListener.CLOSE
                : ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof FullHttpResponse r && r.status().code() == 413) {
            r.release();
            return tooLarge(start);
        }
        return response;
    }

    private FullHttpResponse tooLarge(HttpMessage request) {
        return HttpResponses.tooLarge(HttpUtil.getContentLength(request, -1L), maxContentLength(), configured, mapper);
    }
}
