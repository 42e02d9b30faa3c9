package io.weft.runtime.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class RpcFrameDecoderTest {
    @Test
    void splitsLengthPrefixedFrames() {
        EmbeddedChannel channel = new EmbeddedChannel(new RpcFrameDecoder());
        ByteBuf input = Unpooled.buffer().writeInt(3).writeBytes(new byte[] {1, 2, 3}).writeInt(1).writeByte(9);

        channel.writeInbound(input);

        ByteBuf first = channel.readInbound();
        ByteBuf second = channel.readInbound();
        assertThat(first.readableBytes()).isEqualTo(3);
        assertThat(second.readByte()).isEqualTo((byte) 9);
        first.release();
        second.release();
    }

    @Test
    void beforeAuthenticationAFrameOver1KbFailsAsSoonAsItsLengthArrives() {
        EmbeddedChannel channel = new EmbeddedChannel(new RpcFrameDecoder());

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt(1025)))
                .isInstanceOfSatisfying(FrameTooLargeException.class, e -> {
                    assertThat(e.size()).isEqualTo(1025);
                    assertThat(e.limit()).isEqualTo(1024);
                    assertThat(e.authenticated()).isFalse();
                });
        // Whatever follows is discarded, without a second error.
        channel.writeInbound(Unpooled.buffer().writeInt(4).writeInt(7));
        Object discarded = channel.readInbound();
        assertThat(discarded).isNull();
    }

    @Test
    void afterAuthenticationTheLimitIsTheFrameSize() {
        RpcFrameDecoder decoder = new RpcFrameDecoder();
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        decoder.authenticated(4096);

        channel.writeInbound(Unpooled.buffer().writeInt(2000).writeBytes(new byte[2000]));
        ByteBuf frame = channel.readInbound();
        assertThat(frame.readableBytes()).isEqualTo(2000);
        frame.release();

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt(4097)))
                .isInstanceOfSatisfying(FrameTooLargeException.class, e -> {
                    assertThat(e.authenticated()).isTrue();
                    assertThat(e.getMessage()).contains("rpc.framesize");
                });
    }
}
