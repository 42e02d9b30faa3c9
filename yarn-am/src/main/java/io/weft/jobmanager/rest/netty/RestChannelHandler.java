package io.weft.jobmanager.rest.netty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import io.weft.jobmanager.rest.FormFile;
import io.weft.jobmanager.rest.RestResponse;
import io.weft.jobmanager.rest.RestRouter;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests of one HTTP connection: turns each aggregated request (or upload received to disk) into
 * transport-free pieces, routes it,
 * and writes the answer when the handler's future completes — one request at a time, so that pipelined requests
 * are answered in order.
 *
 * <h2>Threading</h2>
 * One instance per connection. All its state is touched on the connection's event loop only: requests are read
 * there, and a handler's completion (on whatever thread completes it: the Dispatcher's main thread, the jar
 * thread) hops back to the event loop to serialize and write the answer. Nothing here blocks.
 */
final class RestChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RestChannelHandler.class);
    private static final String FORM_DATA = "multipart/form-data";
    private final RestRouter router;
    private final ObjectMapper mapper;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean busy;

    RestChannelHandler(RestRouter router, ObjectMapper mapper) {
        this.router = router;
        this.mapper = mapper;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ReceivedUpload upload) {
            queue.add(read(upload));
        } else if (msg instanceof FullHttpRequest request) {
            try {
                queue.add(read(request));
            } finally {
                request.release();
            }
        } else {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (busy) {
            // one request in flight is enough: stop reading until it is answered
            ctx.channel().config().setAutoRead(false);
        } else {
            serveNext(ctx);
        }
    }

    /** The transport-free form of a request, or the error answer when it cannot be read. */
    private static Pending read(FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String method = request.method().name();
        String uri = request.uri();
        if (request.decoderResult().isFailure()) {
            return Pending.answer(method, uri, undecodable(request.decoderResult().cause()), false);
        }
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (!isFormData(contentType)) {
            return new Pending(method, uri, contentType, ByteBufUtil.getBytes(request.content()), List.of(),
                    keepAlive, null);
        }
        // a multipart body with a boundary went to disk (MultipartUploadHandler): this one has none
        String shown = contentType.length() <= 80 ? contentType : contentType.substring(0, 77) + "...";
        return Pending.answer(method, uri, RestResponse.error(400, "The Content-Type '" + shown + "' has no "
                + "boundary: send 'multipart/form-data; boundary=...' naming the line that separates the parts, "
                + "as 'curl -F jarfile=@job.jar URL' does"), keepAlive);
    }

    /** The transport-free form of a multipart request whose files were received to disk. */
    private static Pending read(ReceivedUpload upload) {
        HttpRequest request = upload.request();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (upload.error() != null) {
            return Pending.answer(request.method().name(), request.uri(), upload.error(), keepAlive);
        }
        return new Pending(request.method().name(), request.uri(), request.headers().get(HttpHeaderNames.CONTENT_TYPE),
                new byte[0], upload.files(), keepAlive, null);
    }

    private static boolean isFormData(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim()
                .equalsIgnoreCase(FORM_DATA);
    }

    private static RestResponse undecodable(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return RestResponse.error(414, "The request line is too long (" + cause.getMessage() + "): send "
                    + "parameters in the body rather than the URL");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return RestResponse.error(431, "The request headers are too large (" + cause.getMessage() + ")");
        }
        return RestResponse.error(400, "The request is not valid HTTP/1.1 (" + cause.getMessage() + ")");
    }

    private void serveNext(ChannelHandlerContext ctx) {
        Pending p = queue.poll();
        if (p == null) {
            busy = false;
            ctx.channel().config().setAutoRead(true);
            return;
        }
        busy = true;
        CompletableFuture<RestResponse> answer = p.answer != null ? CompletableFuture.completedFuture(p.answer)
                : router.route(p.method, p.uri, p.contentType, p.body, p.files);
        answer.whenComplete((response, error) -> {
            RestResponse r = response;
            if (r == null) {
                LOG.error("No answer for {} {}", p.method, p.uri, error);
                r = RestResponse.error(500, "Internal error while serving " + p.method + " " + p.uri + " (" + error
                        + "): this is a bug, see the JobManager log");
            }
            RestResponse answerToWrite = r;
            try {
                ctx.executor().execute(() -> write(ctx, p, answerToWrite));
            } catch (RejectedExecutionException e) {
                LOG.debug("REST server shut down before answering {} {}", p.method, p.uri);
            }
        });
    }

    private void write(ChannelHandlerContext ctx, Pending p, RestResponse response) {
        p.deleteFiles();
        FullHttpResponse http = HttpResponses.toHttp(response, mapper);
        HttpUtil.setKeepAlive(http, p.keepAlive);
        if (!p.keepAlive) {
            queue.forEach(Pending::deleteFiles);
            queue.clear();
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        serveNext(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        queue.forEach(Pending::deleteFiles);
        queue.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        OutOfMemoryExit.haltIfOutOfMemory(cause);
        if (cause instanceof IOException) {
            // the client went away (reset, broken pipe): nothing to answer, nothing wrong here
            LOG.debug("REST connection from {} failed, closing it: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("REST connection from {} failed, closing it", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    /**
     * A request read from the connection and waiting for its turn; {@code answer} is set when it is answered
     * without routing (it could not be read), and then {@code keepAlive} says whether the connection survives.
     */
    private record Pending(String method, String uri, String contentType, byte[] body, List<FormFile> files,
            boolean keepAlive, RestResponse answer) {
        static Pending answer(String method, String uri, RestResponse answer, boolean keepAlive) {
            return new Pending(method, uri, null, new byte[0], List.of(), keepAlive, answer);
        }

        /** Deletes what is left of the received files: a handler that keeps one has moved it away. */
        void deleteFiles() {
            for (FormFile f : files) {
                try {
                    Files.deleteIfExists(f.file());
                } catch (IOException e) {
                    LOG.warn("Could not delete the received upload {}: {}", f.file(), e.toString());
                }
            }
        }
    }
}
