package io.weft.runtime.testing;

import io.weft.config.Configuration;
import io.weft.runtime.messages.Acknowledge;
import io.weft.runtime.messages.BlobChunk;
import io.weft.runtime.messages.FetchBlob;
import io.weft.runtime.messages.HeartbeatResponse;
import io.weft.runtime.messages.RegisterTaskManager;
import io.weft.runtime.messages.RegistrationResponse;
import io.weft.runtime.messages.TaskManagerHeartbeat;
import io.weft.runtime.messages.TaskStateUpdate;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcServer;
import io.weft.runtime.rpc.netty.NettyRpcSystem;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JobManager's RPC endpoint played by a test, over the real Netty RPC layer: it accepts registrations, answers
 * heartbeats, records task reports, and serves one blob whose delivery the test holds back until it calls
 * {@link #releaseBlob()}; through {@link #connectToTaskManager()} the test sends the JobManager's requests.
 *
 * <p>Thread-safe; handlers run on one thread of their own. {@link #close()} stops the server and the client.
 */
public final class ScriptedJobManager implements AutoCloseable {
    private final NettyRpcSystem rpc;
    private final RpcServer server;
    private final RpcClient client;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final BlockingQueue<RegisterTaskManager> registrations = new LinkedBlockingQueue<>();
    private final BlockingQueue<TaskStateUpdate> reports = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> blobReleased = new CompletableFuture<>();
    private final byte[] blob;

    /** @param blob the bytes served for any blob key (a jar, or anything a test wants a TaskManager to load) */
    public ScriptedJobManager(ClusterSecret secret, byte[] blob) {
        this.blob = blob.clone();
        this.rpc = new NettyRpcSystem(new Configuration(), secret);
        this.server = rpc.startServer("127.0.0.1", 0);
        this.client = rpc.createClient();
        server.registerHandler(RegisterTaskManager.class, thread, r -> {
            registrations.add(r);
            return CompletableFuture.completedFuture(new RegistrationResponse(true, "", 200L, 5_000L));
        });
        server.registerHandler(TaskManagerHeartbeat.class, thread,
                h -> CompletableFuture.completedFuture(new HeartbeatResponse(true)));
        server.registerHandler(TaskStateUpdate.class, thread, u -> {
            reports.add(u);
            return CompletableFuture.completedFuture(new Acknowledge());
        });
        server.registerHandler(FetchBlob.class, thread, f -> blobReleased.thenApply(v -> {
            int from = (int) Math.min(f.getOffset(), this.blob.length);
            int length = Math.min(f.getMaxLength(), this.blob.length - from);
            return new BlobChunk((long) this.blob.length, ByteBuffer.wrap(this.blob, from, length).slice());
        }));
    }

    public int port() {
        return server.address().getPort();
    }

    /** The next registration, waiting up to 20 s. */
    public RegisterTaskManager awaitRegistration() throws InterruptedException {
        RegisterTaskManager r = registrations.poll(20, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("No TaskManager registered within 20 s");
        }
        return r;
    }

    /** The next task report, or null after {@code timeout}. */
    public TaskStateUpdate nextReport(Duration timeout) throws InterruptedException {
        return reports.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a connection to the TaskManager that registered last, as the JobManager does. */
    public RpcConnection connectTo(RegisterTaskManager registration) {
        RpcConnection c = client.connect(registration.getHost(), registration.getRpcPort());
        c.whenConnected().orTimeout(20, TimeUnit.SECONDS).join();
        return c;
    }

    /** Lets blob requests, held until now, be answered. */
    public void releaseBlob() {
        blobReleased.complete(null);
    }

    @Override
    public void close() {
        client.close();
        server.close();
        thread.shutdownNow();
    }
}
