package io.weft.runtime.rpc.netty;

import static io.weft.runtime.rpc.netty.RpcTestSupport.PROMPTLY;
import static io.weft.runtime.rpc.netty.RpcTestSupport.ask;
import static io.weft.runtime.rpc.netty.RpcTestSupport.assertClosedByServer;
import static io.weft.runtime.rpc.netty.RpcTestSupport.awaitConnected;
import static io.weft.runtime.rpc.netty.RpcTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.Configuration;
import io.weft.config.MemorySize;
import io.weft.config.RpcOptions;
import io.weft.rpc.messages.HandshakeChallenge;
import io.weft.rpc.messages.HandshakeOutcome;
import io.weft.rpc.messages.HandshakeRejection;
import io.weft.rpc.messages.Proof;
import io.weft.rpc.testmessages.TestResponse;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ClusterSecretRejectedException;
import io.weft.runtime.rpc.ConnectionState;
import io.weft.runtime.rpc.MainThreadExecutor;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcConnectionException;
import io.weft.runtime.rpc.RpcServer;
import io.weft.runtime.rpc.RpcSystem;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Peers that do not prove the cluster secret — or misbehave before or after proving it — are dropped, and the
 * server keeps serving everyone else.
 */
class RpcAuthenticationTest {
    private final AtomicReference<Throwable> fatalError = new AtomicReference<>();
    private final MainThreadExecutor handlerThread = new MainThreadExecutor("test-handler", fatalError::set);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofMillis(500);

    private final ClusterSecret secret = ClusterSecret.generate();
    private RpcServer server;
    private RpcClient client;
    private RpcConnection connection;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        Configuration config = RpcTestSupport.config(MemorySize.parse("64kb"))
                .set(RpcOptions.HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT);
        RpcSystem rpc = new NettyRpcSystem(config, secret);
        server = rpc.startServer("127.0.0.1", 0);
        port = server.address().getPort();
        RpcTestSupport.registerEcho(server, handlerThread::execute);
        client = rpc.createClient();
        connection = client.connect("127.0.0.1", port);
        awaitConnected(connection);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
        handlerThread.close();
        assertThat(fatalError.get()).isNull();
    }

    @Test
    void whenPeerSendsGarbage_thenItIsDroppedAndOthersAreServed() throws Exception {
        byte[] garbage = new byte[200];
        new Random(42).nextBytes(garbage);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            out.writeInt(garbage.length);
            out.write(garbage);
            out.flush();

            assertClosedByServer(socket, PROMPTLY);
        }
        assertServerStillServes();
    }

    @Test
    void whenPeerSpeaksHttp_thenItIsDroppedAtOnce() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertClosedByServer(socket, PROMPTLY);
        }
        assertServerStillServes();
    }

    @Test
    void whenPeerAnnouncesAHugeFrameBeforeAuthenticating_thenItIsDroppedAtOnce() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            out.writeInt(Integer.MAX_VALUE);
            out.write(new byte[100]);
            out.flush();

            assertClosedByServer(socket, PROMPTLY);
        }
        assertServerStillServes();
    }

    @Test
    void whenPeerSendsNothing_thenItIsDroppedAfterTheHandshakeTimeout() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            long start = System.nanoTime();

            assertClosedByServer(socket, PROMPTLY);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
                    HANDSHAKE_TIMEOUT.minusMillis(100));
        }
        assertServerStillServes();
    }

    @Test
    void whenClientHoldsAnotherSecret_thenItIsRejectedAndKeepsRetrying() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (RpcClient intruder = new NettyRpcSystem(RpcTestSupport.config(), ClusterSecret.generate())
                .createClient()) {
            RpcConnection rejected = intruder.connect("127.0.0.1", port, Runnable::run, listener);

            listener.await(RecordingListener.RECONNECT, PROMPTLY);
            listener.await(RecordingListener.RECONNECT, PROMPTLY);

            assertThat(listener.lastFailure()).isInstanceOf(ClusterSecretRejectedException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("rejected this process's cluster secret")
                    .hasMessageContaining("WEFT_CLUSTER_SECRET");
            assertThat(rejected.state()).isNotEqualTo(ConnectionState.CONNECTED);
            CompletableFuture<TestResponse> answer = rejected.ask(request(1, "let me in"), TestResponse.class,
                    PROMPTLY);
            assertThatThrownBy(() -> answer.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                    .cause().isInstanceOf(RpcConnectionException.class);
        }
        assertServerStillServes();
    }

    @Test
    void whenServerCannotProveTheSecret_thenClientRefusesIt() throws Exception {
        RpcConnectionException failure = handshakeWithScriptedServer(
                new HandshakeOutcome(true, new Proof(new byte[32]), "", HandshakeRejection.NONE));

        assertThat(failure).hasMessageContaining("did not prove the cluster secret")
                .isNotInstanceOf(ClusterSecretRejectedException.class);
    }

    @Test
    void whenServerRejectsForAnotherReason_thenTheFailureIsNoSecretRejection() throws Exception {
        RpcConnectionException failure = handshakeWithScriptedServer(
                new HandshakeOutcome(false, null, "unsupported RPC protocol version 7",
                        HandshakeRejection.PROTOCOL_VERSION));

        assertThat(failure).hasMessageContaining("rejected this process: unsupported RPC protocol version 7")
                .isNotInstanceOf(ClusterSecretRejectedException.class);
    }

    /** Plays a server that challenges the client and answers its response with {@code outcome}. */
    private RpcConnectionException handshakeWithScriptedServer(HandshakeOutcome outcome) throws Exception {
        RecordingListener listener = new RecordingListener();
        try (ServerSocket impostor = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            impostor.setSoTimeout((int) PROMPTLY.toMillis());
            RpcConnection fooled = client.connect("127.0.0.1", impostor.getLocalPort(), Runnable::run, listener);
            try (Socket socket = impostor.accept();
                    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                    DataInputStream in = new DataInputStream(socket.getInputStream())) {
                socket.setSoTimeout((int) PROMPTLY.toMillis());
                writeFrame(out, AvroCodec.encode(new HandshakeChallenge(Envelopes.PROTOCOL_VERSION,
                        Handshakes.newNonce())));
                in.readFully(new byte[in.readInt()]);
                writeFrame(out, AvroCodec.encode(outcome));

                listener.await(RecordingListener.RECONNECT, PROMPTLY);
            }
            assertThat(fooled.state()).isNotEqualTo(ConnectionState.CONNECTED);
            fooled.close();
            return listener.lastFailure();
        }
    }

    @Test
    void whenAuthenticatedPeerSendsAFrameOverTheLimit_thenOnlyItsConnectionIsClosed() throws Exception {
        RecordingListener listener = new RecordingListener();
        // Same secret, but a frame size limit above the server's, so the oversized request leaves this side.
        try (RpcClient careless = new NettyRpcSystem(RpcTestSupport.config(MemorySize.parse("1mb")), secret)
                .createClient()) {
            RpcConnection big = careless.connect("127.0.0.1", port, Runnable::run, listener);
            awaitConnected(big);

            CompletableFuture<TestResponse> answer = big.ask(request(1, 100_000), TestResponse.class, PROMPTLY);

            assertThatThrownBy(() -> answer.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                    .cause().isInstanceOf(RpcConnectionException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
            listener.await(RecordingListener.LOST, PROMPTLY);
            assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(ask(connection, request(2, "unaffected")).getId()).isEqualTo(2);
        }
    }

    private void assertServerStillServes() throws Exception {
        assertThat(ask(connection, request(99, "still here")).getText()).isEqualTo("still here");
        try (RpcClient another = new NettyRpcSystem(RpcTestSupport.config(), secret).createClient()) {
            RpcConnection fresh = another.connect("127.0.0.1", port);
            awaitConnected(fresh);
            assertThat(ask(fresh, request(100, "new peer")).getId()).isEqualTo(100);
        }
    }

    private static void writeFrame(DataOutputStream out, byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }
}
