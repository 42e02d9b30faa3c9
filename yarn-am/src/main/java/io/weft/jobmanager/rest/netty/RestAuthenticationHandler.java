package io.weft.jobmanager.rest.netty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.weft.jobmanager.rest.RestResponse;
import io.weft.runtime.rpc.RestToken;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses REST requests that would change state or run code without the cluster's bearer token: every method but
 * {@code GET}, {@code HEAD} and {@code OPTIONS} must carry {@code Authorization: Bearer <token>}. It looks at the
 * request head only, before any body is read or stored, so an unauthenticated upload costs the server nothing: the
 * answer is 401 with a one-line hint and {@code WWW-Authenticate}, the body is dropped as it arrives and the
 * connection closed.
 *
 * <p>One per connection, on its event loop; sits between the HTTP codec and the body aggregator.
 */
final class RestAuthenticationHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RestAuthenticationHandler.class);
    private static final Set<HttpMethod> READ_ONLY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    static final String HINT = "This call needs the cluster's REST token (401): use the weft CLI where the"
            + " cluster secret is readable (security.cluster-secret.file, WEFT_CLUSTER_SECRET, or the YARN session's"
            + " properties file), or send 'Authorization: Bearer <token>'";

    private final RestToken token;
    private final ObjectMapper mapper;
    /** True from a refused request's head until its last content: its body is dropped. */
    private boolean discarding;

    RestAuthenticationHandler(RestToken token, ObjectMapper mapper) {
        this.token = token;
        this.mapper = mapper;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            // a request that is not valid HTTP goes on to be answered 400; its body is never used
            discarding = !request.decoderResult().isFailure() && !READ_ONLY.contains(request.method())
                    && !token.matches(request.headers().get(HttpHeaderNames.AUTHORIZATION));
            if (discarding) {
                LOG.warn("Refused {} {} from {}: no valid REST token", request.method(), request.uri(),
                        ctx.channel().remoteAddress());
                refuse(ctx, request);
            }
        }
        if (!discarding) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof LastHttpContent) {
            discarding = false;
        }
        ReferenceCountUtil.release(msg);
    }

    private void refuse(ChannelHandlerContext ctx, HttpRequest request) {
        RestResponse answer = new RestResponse(401, RestResponse.error(401, HINT).body(),
                Map.of(HttpHeaderNames.WWW_AUTHENTICATE.toString(), RestToken.SCHEME + " realm=\"weft\""));
        FullHttpResponse http = HttpResponses.toHttp(answer, mapper);
        boolean bodyFollows = !(request instanceof LastHttpContent)
                && (HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0);
        // a body still to come is not read: closing the connection is cheaper than draining it
        HttpUtil.setKeepAlive(http, !bodyFollows && HttpUtil.isKeepAlive(request));
        ctx.writeAndFlush(http).addListener(HttpUtil.isKeepAlive(http) ? ChannelFutureListener.CLOSE_ON_FAILURE
                : ChannelFutureListener.CLOSE);
    }
}
