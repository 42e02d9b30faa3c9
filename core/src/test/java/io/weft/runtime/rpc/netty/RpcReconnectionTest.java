package io.weft.runtime.rpc.netty;

import static io.weft.runtime.rpc.netty.RpcTestSupport.PROMPTLY;
import static io.weft.runtime.rpc.netty.RpcTestSupport.ask;
import static io.weft.runtime.rpc.netty.RpcTestSupport.awaitConnected;
import static io.weft.runtime.rpc.netty.RpcTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.rpc.testmessages.TestResponse;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ConnectionState;
import io.weft.runtime.rpc.MainThreadExecutor;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcConnectionException;
import io.weft.runtime.rpc.RpcServer;
import io.weft.runtime.rpc.RpcSystem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client notices a lost server at once, fails what was waiting, and reconnects with back-off. */
class RpcReconnectionTest {
    private final AtomicReference<Throwable> fatalError = new AtomicReference<>();
    private final MainThreadExecutor handlerThread = new MainThreadExecutor("test-handler", fatalError::set);
    private final RpcSystem rpc = new NettyRpcSystem(RpcTestSupport.config(), ClusterSecret.generate());
    private final RecordingListener listener = new RecordingListener();
    private RpcServer server;
    private RpcClient client;
    private RpcConnection connection;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        server = startServer(0);
        port = server.address().getPort();
        client = rpc.createClient();
        connection = client.connect("127.0.0.1", port, Runnable::run, listener);
        awaitConnected(connection);
        listener.await(RecordingListener.CONNECTED, PROMPTLY);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
        handlerThread.close();
        assertThat(fatalError.get()).isNull();
    }

    @Test
    void whenServerStops_thenListenerIsToldAtOnceAndWaitingRequestsFail() throws Exception {
        CompletableFuture<TestResponse> waiting = connection.ask(request(1, RpcTestSupport.HANG), TestResponse.class,
                Duration.ofMinutes(1));

        server.close();

        Duration noticed = listener.await(RecordingListener.LOST, PROMPTLY);
        assertThat(noticed).isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(() -> waiting.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOf(RpcConnectionException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("may have been lost");
        assertThat(listener.lastFailure().peer()).isEqualTo("127.0.0.1:" + port);
        assertThat(connection.state()).isIn(ConnectionState.DISCONNECTED, ConnectionState.CONNECTING);
    }

    @Test
    void whileDisconnected_requestsFailAtOnce() throws Exception {
        server.close();
        listener.await(RecordingListener.LOST, PROMPTLY);

        CompletableFuture<TestResponse> answer = connection.ask(request(2, "anyone?"), TestResponse.class, PROMPTLY);

        assertThat(answer).isCompletedExceptionally();
        assertThatThrownBy(answer::join).cause().isInstanceOf(RpcConnectionException.class)
                .hasMessageContaining("not connected");
    }

    @Test
    void whenServerRestartsOnTheSamePort_thenClientReconnectsWithBackoffAndRequestsWork() throws Exception {
        server.close();
        listener.await(RecordingListener.LOST, PROMPTLY);
        // Let a few attempts fail so the back-off grows: 50, 100, 200 ms, ...
        for (int i = 0; i < 4; i++) {
            listener.await(RecordingListener.RECONNECT, PROMPTLY);
        }

        server = startServer(port);

        listener.await(RecordingListener.CONNECTED, PROMPTLY);
        assertThat(ask(connection, request(3, "back again")).getText()).isEqualTo("back again");
        List<Duration> delays = listener.delays;
        assertThat(delays.get(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(delays.get(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(delays.get(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(delays).isSortedAccordingTo(Duration::compareTo).allSatisfy(
                delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofMillis(400)));
    }

    @Test
    void afterClose_connectionStaysClosedAndRequestsFail() throws Exception {
        connection.close();

        assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
        assertThatThrownBy(() -> connection.whenConnected().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOf(RpcConnectionException.class);
        assertThatThrownBy(() -> connection.ask(request(4, "closed"), TestResponse.class, PROMPTLY).join())
                .cause().isInstanceOf(RpcConnectionException.class)
                .hasMessageContaining("closed by this process");
    }

    private RpcServer startServer(int onPort) {
        RpcServer started = rpc.startServer("127.0.0.1", onPort);
        RpcTestSupport.registerEcho(started, handlerThread::execute);
        return started;
    }
}
