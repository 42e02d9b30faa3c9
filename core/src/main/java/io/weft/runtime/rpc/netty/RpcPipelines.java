package io.weft.runtime.rpc.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.ssl.SslHandler;

/**
 * Lays out the pipeline shared by both sides of an RPC connection: optional TLS, then 4-byte length-prefixed
 * frames with a size limit, then the handshake handler, which replaces itself once the peer is authenticated.
 *
 * <p>Stateless and thread-safe; called on the channel's event loop when it is initialised.
 */
final class RpcPipelines {
    static final String TLS = "tls";
    static final String FRAME_DECODER = "frameDecoder";
    static final String FRAME_ENCODER = "frameEncoder";
    static final String HANDSHAKE = "handshake";

    private RpcPipelines() {
    }

    /** @param tls the TLS handler, or null for plain TCP */
    static void initialize(Channel channel, SslHandler tls, ChannelHandler handshake) {
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            pipeline.addLast(TLS, tls);
        }
        pipeline.addLast(FRAME_DECODER, new RpcFrameDecoder());
        pipeline.addLast(FRAME_ENCODER, new LengthFieldPrepender(RpcFrameDecoder.LENGTH_FIELD_LENGTH));
        pipeline.addLast(HANDSHAKE, handshake);
    }
}
