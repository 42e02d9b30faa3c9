package io.weft.runtime.network.netty;

import static io.weft.runtime.network.netty.ShufflePair.Producer.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.weft.config.Configuration;
import io.weft.runtime.ResourceID;
import io.weft.runtime.network.netty.ShufflePair.Consumer;
import io.weft.runtime.network.netty.ShufflePair.Producer;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RpcConnectionException;
import io.weft.runtime.rpc.netty.AuthenticatedChannels;
import io.weft.runtime.testing.BackgroundCall;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Peers of the data server that do not prove the cluster secret, or misbehave before or after proving it, are
 * dropped, and the server keeps serving the TaskManagers of its cluster.
 */
// a safety net only: every wait in these tests is bounded well below it
@Timeout(60)
class DataServerSecurityTest {
    private ShufflePair pair;
    private InetSocketAddress server;

    @BeforeEach
    void setUp() {
        pair = new ShufflePair(ShufflePair.config());
        server = pair.producerSide.dataAddress();
    }

    @AfterEach
    void tearDown() {
        pair.close();
    }

    @Test
    void peerSendingGarbageBeforeTheHandshakeIsDropped() throws Exception {
        byte[] garbage = new byte[200];
        new Random(7).nextBytes(garbage);
        try (Socket socket = new Socket(server.getAddress(), server.getPort());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            out.writeInt(garbage.length);
            out.write(garbage);
            out.flush();
            assertClosedByServer(socket);
        }
        assertExchangeStillWorks();
    }

    @Test
    void peerAnnouncingAnOversizedFrameIsDroppedAtOnce() throws Exception {
        try (Socket socket = new Socket(server.getAddress(), server.getPort());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            out.writeInt(Integer.MAX_VALUE);
            out.write(new byte[64]);
            out.flush();
            assertClosedByServer(socket);
        }
        assertExchangeStillWorks();
    }

    @Test
    void taskManagerOfAnotherClusterCannotReadAndItsChannelFailsNamingTheServer() throws Exception {
        Producer producer = new Producer(pair.producerSide, 1, 2, 8).register();
        try (NettyShuffleEnvironment stranger = NettyShuffleEnvironment.start(ShufflePair.config(),
                ClusterSecret.generate(), new ResourceID())) {
            Consumer consumer = new Consumer(stranger, 2);
            consumer.connect(pair.channelTo(producer.id), 0);

            assertThatThrownBy(consumer::readAll)
                    .isInstanceOf(RemoteTransportException.class)
                    .hasMessageContaining("TaskManager at " + AuthenticatedChannels.describe(server))
                    .hasMessageContaining("secret");
            consumer.gate.release();
        }
        assertThat(pair.producerSide.partitionManager().numberOfWaitingPartitions()).isZero();
        assertExchangeStillWorks(producer);
    }

    @Test
    void authenticatedPeerBreakingTheDataProtocolIsDropped() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            AuthenticatedChannels security = AuthenticatedChannels.create(new Configuration(), pair.secret, 64 * 1024);
            CompletableFuture<Void> authenticated = new CompletableFuture<>();
            Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            security.initClientChannel(ch, server.getHostString(), server.getPort(),
                                    new AuthenticatedChannels.ClientListener() {
                                        @Override
                                        public ChannelHandler authenticated(Channel c) {
                                            authenticated.complete(null);
                                            return new GarbageSender();
                                        }

                                        @Override
                                        public void failed(Channel c, RpcConnectionException cause) {
                                            authenticated.completeExceptionally(cause);
                                        }
                                    });
                        }
                    }).connect(server).sync().channel();
            authenticated.get(BackgroundCall.BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(channel.closeFuture().awaitUninterruptibly(BackgroundCall.BOUND.toMillis()))
                    .as("closed by the server").isTrue();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        }
        assertExchangeStillWorks();
    }

    /** Sends a frame with an unknown message id as soon as it is in place. */
    private static final class GarbageSender extends ChannelInboundHandlerAdapter {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {99, 1, 2, 3}));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    private void assertExchangeStillWorks() throws Exception {
        assertExchangeStillWorks(new Producer(pair.producerSide, 1, 2, 8).register());
    }

    private void assertExchangeStillWorks(Producer producer) throws Exception {
        Consumer consumer = new Consumer(pair.consumerSide, 2);
        consumer.connect(pair.channelTo(producer.id), 0);
        try (BackgroundCall<Void> writing = producer.writeInBackground(2_000, 100)) {
            assertThat(consumer.readAll()).isEqualTo(records(2_000, i -> true));
            writing.await();
        }
    }

    /** Reads (and ignores, e.g. the handshake challenge) until the server closes the connection, bounded. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout((int) BackgroundCall.BOUND.toMillis());
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[256];
        try {
            while (in.read(sink) >= 0) {
                // the server may send its challenge before it drops the peer
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + BackgroundCall.BOUND, e);
        } catch (IOException reset) {
            // a reset connection is closed too
        }
    }
}
