package io.weft.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.config.ClusterOptions;
import io.weft.config.Configuration;
import io.weft.config.RpcOptions;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ClusterSecretRejectedException;
import io.weft.runtime.testing.ScriptedJobManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager whose cluster secret the JobManager rejects gives up at once with a
 * {@link ClusterSecretRejectedException} that says what to do; one that cannot reach its JobManager keeps trying.
 */
class TaskManagerSecretRejectionTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private final BlockingQueue<Throwable> fatalErrors = new LinkedBlockingQueue<>();

    @Test
    void whenTheJobManagerRejectsTheSecret_thenTheTaskManagerEndsAtOnceSayingWhatToDo() throws Exception {
        try (ScriptedJobManager jobManager = new ScriptedJobManager(ClusterSecret.generate(), new byte[0]);
                TaskManagerRunner taskManager = new TaskManagerRunner(config(jobManager.port()),
                        ClusterSecret.generate(), fatalErrors::add)) {
            Throwable fatal = fatalErrors.poll(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(fatal).isInstanceOf(ClusterSecretRejectedException.class)
                    .hasMessageContaining("The JobManager at 127.0.0.1:" + jobManager.port()
                            + " rejected the cluster secret of TaskManager")
                    .hasMessageContaining("security.cluster-secret.file").hasMessageContaining("WEFT_CLUSTER_SECRET");
            assertThat(taskManager.isRegistered().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
            // once: the connection is closed, so no further attempt is rejected and reported again
            assertThat(fatalErrors.poll(1, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void whenTheJobManagerIsUnreachable_thenTheTaskManagerKeepsTrying() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        try (TaskManagerRunner taskManager = new TaskManagerRunner(config(port), ClusterSecret.generate(),
                fatalErrors::add)) {
            // several refused attempts at the 50 ms back-off of config()
            assertThat(fatalErrors.poll(1500, TimeUnit.MILLISECONDS)).isNull();
            assertThat(taskManager.isRegistered().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
        }
    }

    private Configuration config(int jobManagerPort) {
        return new Configuration()
                .set(ClusterOptions.JOB_MANAGER_RPC_ADDRESS, "127.0.0.1")
                .set(ClusterOptions.JOB_MANAGER_RPC_PORT, jobManagerPort)
                .set(ClusterOptions.BLOB_STORAGE_DIRECTORY, dir.toString())
                .set(RpcOptions.RECONNECT_INITIAL_BACKOFF, Duration.ofMillis(50))
                .set(RpcOptions.RECONNECT_MAX_BACKOFF, Duration.ofMillis(100));
    }
}
