package io.weft.runtime.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.config.Configuration;
import io.weft.config.MemorySize;
import io.weft.config.RpcOptions;
import io.weft.rpc.testmessages.TestRequest;
import io.weft.rpc.testmessages.TestResponse;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Configuration, handlers and bounded waits shared by the RPC tests. */
final class RpcTestSupport {
    /** Bound of every wait for something that should happen at once. */
    static final Duration PROMPTLY = Duration.ofSeconds(5);
    /** Text that makes {@link #registerEcho} never answer. */
    static final String HANG = "hang";
    /** Text that makes {@link #registerEcho} fail. */
    static final String FAIL = "fail";

    private RpcTestSupport() {
    }

    /** Fast reconnection, so tests take milliseconds. */
    static Configuration config() {
        return new Configuration()
                .set(RpcOptions.RECONNECT_INITIAL_BACKOFF, Duration.ofMillis(50))
                .set(RpcOptions.RECONNECT_MAX_BACKOFF, Duration.ofMillis(400));
    }

    static Configuration config(MemorySize frameSize) {
        return config().set(RpcOptions.FRAME_SIZE, frameSize);
    }

    static TestRequest request(int id, String text) {
        return new TestRequest(id, text, ByteBuffer.allocate(0));
    }

    static TestRequest request(int id, int paddingBytes) {
        return new TestRequest(id, "padded", ByteBuffer.wrap(new byte[paddingBytes]));
    }

    /**
     * Answers a TestRequest with its id and text and the handler's thread; {@link #HANG} never answers,
     * {@link #FAIL} fails with an IllegalStateException.
     */
    static void registerEcho(RpcServer server, Executor executor) {
        server.registerHandler(TestRequest.class, executor, request -> {
            if (HANG.equals(request.getText())) {
                return new CompletableFuture<>();
            }
            if (FAIL.equals(request.getText())) {
                throw new IllegalStateException("handler failed on purpose for request " + request.getId());
            }
            return CompletableFuture.completedFuture(new TestResponse(request.getId(), request.getText(),
                    Thread.currentThread().getName()));
        });
    }

    static TestResponse ask(RpcConnection connection, TestRequest request) throws Exception {
        return connection.ask(request, TestResponse.class, PROMPTLY).get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void awaitConnected(RpcConnection connection) throws Exception {
        connection.whenConnected().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reads from {@code socket} (discarding what the server sends, e.g. its challenge) until the server closes it.
     * Fails if it stays open for {@code within}.
     */
    static void assertClosedByServer(Socket socket, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        socket.setSoTimeout(50);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(buffer) < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                // still open: keep waiting
            } catch (SocketException e) {
                return;
            }
        }
        assertThat(socket.isClosed()).as("server closed the connection within " + within).isTrue();
    }
}
