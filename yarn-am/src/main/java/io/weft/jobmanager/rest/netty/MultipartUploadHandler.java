package io.weft.jobmanager.rest.netty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.netty.util.ReferenceCountUtil;
import io.weft.jobmanager.rest.FormFile;
import io.weft.jobmanager.rest.RestResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the body of each {@code multipart/form-data} request into files of the upload directory, so that a job
 * jar of any size up to {@code rest.server.max-content-length} never sits in memory, and passes the request on as a
 * {@link ReceivedUpload}; every other request goes on untouched (to the aggregator, for small JSON bodies).
 *
 * <h2>Limit</h2>
 * A {@code Content-Length} over the limit is answered with 413 at once and nothing is written (with
 * {@code Expect: 100-continue} the connection is closed, the body was never sent; else the body is read and
 * dropped so the connection stays usable). A body without a length is counted as it arrives: once over the
 * limit its partial files are deleted, 413 is answered and the connection closed.
 *
 * <h2>Threading</h2>
 * One instance per connection; all state is touched on the connection's event loop. Writing a received chunk to its
 * file happens there too: a local disk write of one network read, never a wait on another party.
 */
final class MultipartUploadHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploadHandler.class);
    private static final String FORM_DATA = "multipart/form-data";
    /** Bytes of already decoded body the multipart decoder may keep before it compacts its buffer. */
    private static final int DISCARD_THRESHOLD = 1 << 20;
    private final long maxContentLength;
    private final Path directory;
    private final ObjectMapper mapper;
    /** The multipart request whose body is being received, else null. */
    private HttpRequest request;
    /** Its decoder; null when the body turned out malformed. */
    private HttpPostRequestDecoder decoder;
    /** The answer for a malformed body, given once the body is in. */
    private RestResponse malformed;
    private long received;
    /** Dropping the rest of a body that was already answered. */
    private boolean discarding;

    MultipartUploadHandler(long maxContentLength, Path directory, ObjectMapper mapper) {
        this.maxContentLength = maxContentLength;
        this.directory = directory;
        this.mapper = mapper;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest r && !(msg instanceof HttpContent)) {
            discarding = false;
            if (r.decoderResult().isSuccess() && isFormData(r)) {
                begin(ctx, r);
                return;
            }
        } else if (msg instanceof HttpContent content && (discarding || request != null)) {
            try {
                if (discarding) {
                    discarding = !(content instanceof LastHttpContent);
                } else {
                    receive(ctx, content);
                }
            } finally {
                content.release();
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest r) {
        long length = HttpUtil.getContentLength(r, -1L);
        boolean expectContinue = HttpUtil.is100ContinueExpected(r);
        if (length > maxContentLength) {
            // the body was not sent (Expect) or is bounded by its length: drop it and keep the connection if asked
            boolean close = expectContinue || !HttpUtil.isKeepAlive(r);
            refuse(ctx, length, close);
            discarding = !close;
            return;
        }
        // media types are case-insensitive, Netty's multipart check is not
        String type = r.headers().get(HttpHeaderNames.CONTENT_TYPE);
        int parameters = type.indexOf(';');
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, FORM_DATA + (parameters < 0 ? "" : type.substring(parameters)));
        if (!HttpPostRequestDecoder.isMultipart(r)) {
            // no boundary: the aggregator takes it, and the REST handler explains what is missing
            ctx.fireChannelRead(r);
            return;
        }
        if (expectContinue) {
            r.headers().remove(HttpHeaderNames.EXPECT);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
        DefaultHttpDataFactory factory = new DefaultHttpDataFactory(true);
        factory.setBaseDir(directory.toString());
        factory.setDeleteOnExit(false);
        request = r;
        received = 0;
        try {
            decoder = new HttpPostRequestDecoder(factory, r);
            decoder.setDiscardThreshold(DISCARD_THRESHOLD);
        } catch (RuntimeException e) {
            // the decoder's own exceptions and any other it lets slip on odd input
            malformed = malformed(e);
        }
    }

    private void receive(ChannelHandlerContext ctx, HttpContent content) {
        received += content.content().readableBytes();
        if (received > maxContentLength) {
            LOG.info("Refused an upload from {} after {} bytes: over {} bytes", ctx.channel().remoteAddress(), received,
                    maxContentLength);
            endRequest();
            refuse(ctx, -1, true);
            discarding = true;
            return;
        }
        if (malformed == null) {
            try {
                decoder.offer(content);
            } catch (RuntimeException e) {
                // answered once the whole body is in: a body over the limit gets 413 first, as it would aggregated
                malformed = malformed(e);
                destroyDecoder();
            }
        }
        if (content instanceof LastHttpContent) {
            HttpRequest r = request;
            try {
                ctx.fireChannelRead(malformed != null ? new ReceivedUpload(r, List.of(), malformed) : complete(r));
            } finally {
                endRequest();
            }
        }
    }

    /** The received request with its file parts, moved out of the decoder's hands into files of their own. */
    private ReceivedUpload complete(HttpRequest r) {
        InterfaceHttpData partial = decoder.currentPartialHttpData();
        if (partial != null) {
            return new ReceivedUpload(r, List.of(), RestResponse.error(400, "The multipart/form-data body ends "
                    + "inside the part '" + partial.getName() + "' (the body was cut off): send the whole file"));
        }
        List<FormFile> files = new ArrayList<>();
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload f) {
                    Path target = directory.resolve(".upload-" + UUID.randomUUID() + ".part");
                    if (f.length() == 0) {
                        Files.createFile(target);
                    } else if (!f.renameTo(target.toFile())) {
                        throw new IOException("cannot move the received part '" + f.getName() + "' to " + target);
                    }
                    files.add(new FormFile(f.getName(), f.getFilename(), f.getContentType(), target, f.length()));
                }
            }
            return new ReceivedUpload(r, files, null);
        } catch (IOException | RuntimeException e) {
            for (FormFile f : files) {
                f.file().toFile().delete();
            }
            LOG.warn("Could not keep the upload received from {} {} in {}", r.method(), r.uri(), directory, e);
            return new ReceivedUpload(r, List.of(), RestResponse.error(500, "The upload could not be stored in "
                    + directory + " (" + e + "): check that the JobManager's web.upload.dir is writable and has "
                    + "space"));
        }
    }

    private static RestResponse malformed(Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return RestResponse.error(400, "Malformed multipart/form-data body (" + detail + "): send the file as a "
                + "form part, as 'curl -F jarfile=@job.jar URL' does");
    }

    private void refuse(ChannelHandlerContext ctx, long length, boolean close) {
        FullHttpResponse response = HttpResponses.tooLarge(length, maxContentLength, true, mapper);
        HttpUtil.setKeepAlive(response, !close);
        ctx.writeAndFlush(response).addListener(close ? ChannelFutureListener.CLOSE
                : ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private static boolean isFormData(HttpRequest r) {
        String type = r.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT)
                .equals(FORM_DATA);
    }

    /** Releases the decoder, deleting the files of parts not taken. */
    private void destroyDecoder() {
        if (decoder == null) {
            return;
        }
        InterfaceHttpData partial = decoder.currentPartialHttpData();
        try {
            decoder.destroy();
        } catch (RuntimeException e) {
            LOG.debug("Releasing the multipart decoder failed: {}", e.toString());
        }
        if (partial != null && partial.refCnt() > 0) {
            ReferenceCountUtil.release(partial, partial.refCnt());
        }
        decoder = null;
    }

    private void endRequest() {
        destroyDecoder();
        request = null;
        malformed = null;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        endRequest();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        endRequest();
    }
}
