package io.weft.runtime.rpc.netty;

import static io.weft.runtime.rpc.netty.RpcTestSupport.PROMPTLY;
import static io.weft.runtime.rpc.netty.RpcTestSupport.ask;
import static io.weft.runtime.rpc.netty.RpcTestSupport.awaitConnected;
import static io.weft.runtime.rpc.netty.RpcTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.MemorySize;
import io.weft.rpc.messages.RpcErrorKind;
import io.weft.rpc.testmessages.TestNotification;
import io.weft.rpc.testmessages.TestRequest;
import io.weft.rpc.testmessages.TestResponse;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ConnectionState;
import io.weft.runtime.rpc.MainThreadExecutor;
import io.weft.runtime.rpc.RemoteRpcException;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcServer;
import io.weft.runtime.rpc.RpcSystem;
import io.weft.runtime.rpc.RpcTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests, answers, one-way messages and typed errors between a client and a server over loopback. */
class NettyRpcRequestTest {
    private static final String MAIN_THREAD = "test-endpoint-main";

    private final AtomicReference<Throwable> fatalError = new AtomicReference<>();
    private MainThreadExecutor mainThread;
    private RpcServer server;
    private RpcClient client;
    private RpcConnection connection;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void setUp() throws Exception {
        RpcSystem rpc = new NettyRpcSystem(RpcTestSupport.config(MemorySize.parse("64kb")), ClusterSecret.generate());
        mainThread = new MainThreadExecutor(MAIN_THREAD, fatalError::set);
        server = rpc.startServer("127.0.0.1", 0);
        RpcTestSupport.registerEcho(server, mainThread::execute);
        client = rpc.createClient();
        connection = client.connect("127.0.0.1", server.address().getPort(), mainThread::execute, listener);
        awaitConnected(connection);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
        mainThread.close();
        assertThat(fatalError.get()).isNull();
    }

    @Test
    void requestIsAnsweredWithItsResponse() throws Exception {
        TestResponse response = ask(connection, request(7, "hello"));

        assertThat(response.getId()).isEqualTo(7);
        assertThat(response.getText()).isEqualTo("hello");
        assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void handlerRunsOnTheGivenExecutorNotOnANettyThread() throws Exception {
        TestResponse response = ask(connection, request(1, "where"));

        assertThat(response.getHandlerThread()).isEqualTo(MAIN_THREAD);
    }

    @Test
    void listenerRunsOnItsExecutor() throws Exception {
        listener.await(RecordingListener.CONNECTED, PROMPTLY);

        assertThat(listener.threads).containsOnly(MAIN_THREAD);
    }

    @Test
    void oneWayMessageReachesItsHandler() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        server.registerHandler(TestNotification.class, mainThread::execute, notification -> {
            received.add(notification.getText() + " on " + Thread.currentThread().getName());
            return null;
        });

        connection.tell(new TestNotification("note")).get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(received.poll(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("note on " + MAIN_THREAD);
    }

    @Test
    void concurrentRequestsFromSeveralThreadsAreEachAnsweredWithTheirOwnResponse() throws Exception {
        int threads = 8;
        int perThread = 250;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CompletableFuture<TestResponse>>>> batches = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                batches.add(callers.submit(() -> {
                    List<CompletableFuture<TestResponse>> answers = new ArrayList<>();
                    for (int i = base; i < base + perThread; i++) {
                        answers.add(connection.ask(request(i, "r" + i), TestResponse.class, PROMPTLY));
                    }
                    return answers;
                }));
            }
            int checked = 0;
            for (Future<List<CompletableFuture<TestResponse>>> batch : batches) {
                for (CompletableFuture<TestResponse> answer : batch.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)) {
                    TestResponse response = answer.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
                    assertThat(response.getText()).isEqualTo("r" + response.getId());
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(threads * perThread);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void requestWithoutAnswerInTimeFailsWithRpcTimeoutException() throws Exception {
        CompletableFuture<TestResponse> answer = connection.ask(request(3, RpcTestSupport.HANG), TestResponse.class,
                Duration.ofMillis(200));

        assertThatThrownBy(() -> answer.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RpcTimeoutException.class)
                .hasMessageContaining("TestRequest")
                .hasMessageContaining("127.0.0.1:" + server.address().getPort())
                .hasMessageContaining("200 ms");
        assertThat(ask(connection, request(4, "still works")).getId()).isEqualTo(4);
    }

    @Test
    void messageTypeWithoutHandlerIsAnsweredWithUnknownMessageError() {
        CompletableFuture<TestResponse> answer = connection.ask(new TestNotification("nobody handles this"),
                TestResponse.class, PROMPTLY);

        assertThatThrownBy(() -> answer.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOfSatisfying(RemoteRpcException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RpcErrorKind.UNKNOWN_MESSAGE);
                    assertThat(e.getMessage()).contains("io.weft.rpc.testmessages.TestNotification");
                });
    }

    @Test
    void handlerFailureTravelsBackWithItsClassAndMessage() {
        CompletableFuture<TestResponse> answer = connection.ask(request(5, RpcTestSupport.FAIL), TestResponse.class,
                PROMPTLY);

        assertThatThrownBy(() -> answer.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOfSatisfying(RemoteRpcException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RpcErrorKind.REMOTE);
                    assertThat(e.remoteClass()).isEqualTo(IllegalStateException.class.getName());
                    assertThat(e.remoteMessage()).isEqualTo("handler failed on purpose for request 5");
                });
    }

    @Test
    void answerLargerThanTheFrameSizeIsReplacedByAnOversizedError() {
        server.registerHandler(TestNotification.class, mainThread::execute, notification ->
                CompletableFuture.completedFuture(new TestResponse(0, "x".repeat(100_000), "")));

        CompletableFuture<TestResponse> answer = connection.ask(new TestNotification("big answer"),
                TestResponse.class, PROMPTLY);

        assertThatThrownBy(() -> answer.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOfSatisfying(RemoteRpcException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcErrorKind.OVERSIZED));
    }

    @Test
    void requestLargerThanTheFrameSizeFailsLocallyWithoutClosingTheConnection() throws Exception {
        CompletableFuture<TestResponse> answer = connection.ask(request(6, 100_000), TestResponse.class, PROMPTLY);

        assertThatThrownBy(() -> answer.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rpc.framesize");
        assertThat(ask(connection, request(7, "after")).getId()).isEqualTo(7);
    }

    @Test
    void responseOfAnotherTypeThanExpectedFailsTheRequest() {
        CompletableFuture<TestRequest> answer = connection.ask(request(8, "x"), TestRequest.class, PROMPTLY);

        assertThatThrownBy(() -> answer.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS))
                .cause().hasMessageContaining("disagree on the response type");
    }

    @Test
    void registeringASecondHandlerForATypeFails() {
        assertThatThrownBy(() -> RpcTestSupport.registerEcho(server, mainThread::execute))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TestRequest");
    }
}
