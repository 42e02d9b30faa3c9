package io.weft.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.client.cluster.JobJars;
import io.weft.client.cluster.LocalProcessCluster;
import io.weft.config.Configuration;
import io.weft.examples.SlotSharing;
import io.weft.runtime.messages.Acknowledge;
import io.weft.runtime.messages.HeartbeatResponse;
import io.weft.runtime.messages.TaskManagerHeartbeat;
import io.weft.runtime.messages.TaskStateUpdate;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.netty.NettyRpcSystem;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live cluster of processes against hostile or careless peers on its RPC port — no secret, a wrong secret,
 * garbage, an oversized frame — and the seed's slot-sharing pipeline on 2 TaskManagers x 3 slots, which must
 * occupy 4 slots and keep running throughout.
 */
class ClusterWireSecurityTest {
    @TempDir
    static Path dir;
    private static LocalProcessCluster cluster;
    private static String job;

    @BeforeAll
    static void startClusterWithSeedPipeline() throws IOException, URISyntaxException {
        Path classes = Path.of(SlotSharing.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = JobJars.pack(classes, SlotSharing.class.getName(), dir.resolve("slot-sharing.jar"));
        cluster = new LocalProcessCluster(dir.resolve("cluster"), List.of(), List.of(classes));
        cluster.startJobManager();
        cluster.startTaskManager(3);
        cluster.startTaskManager(3);
        cluster.awaitTaskManagers(2);
        job = cluster.rest().submitJar(jar, SlotSharing.class.getName(), List.of(), null);
        cluster.waitUntil("every subtask of the seed pipeline running", () -> {
            Set<String> states = new HashSet<>();
            cluster.rest().jobDetails(job).path("vertices")
                    .forEach(v -> v.path("subtasks").forEach(s -> states.add(s.path("status").asText())));
            return states.equals(Set.of("RUNNING"));
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void seedPipelineOccupiesFourSlotsOfTwoTaskManagersVisibleThroughRest() {
        var tms = cluster.rest().taskManagers();
        assertThat(tms).hasSize(2);
        assertThat(tms.stream().mapToInt(t -> t.path("slotsNumber").asInt()).sum()).isEqualTo(6);
        assertThat(tms.stream().mapToInt(t -> t.path("freeSlots").asInt()).sum()).isEqualTo(2);
        Set<String> hosts = new HashSet<>();
        Set<String> slots = new HashSet<>();
        cluster.rest().jobDetails(job).path("vertices").forEach(v -> v.path("subtasks").forEach(s -> {
            hosts.add(s.path("taskmanager-id").asText());
            slots.add(s.path("taskmanager-id").asText() + "/" + s.path("slot").asText());
        }));
        assertThat(hosts).hasSize(2);
        assertThat(slots).hasSize(4);
    }

    @Test
    void garbageAndOversizedFramesAreDroppedAndTheClusterKeepsWorking() throws IOException {
        assertThat(droppedAfterSending(new byte[] {'G', 'E', 'T', ' ', '/', '\r', '\n', '\r', '\n'})).isTrue();
        try (Socket s = connect(); DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            out.writeInt(Integer.MAX_VALUE);
            out.write(new byte[1024]);
            out.flush();
            assertThat(closedByPeer(s)).isTrue();
        }
        assertJobStillRunning();
    }

    @Test
    void aPeerWithAWrongSecretIsRefusedAndTheRightOneIsServed() {
        Configuration conf = new Configuration();
        try (RpcClient wrong = new NettyRpcSystem(conf, ClusterSecret.generate()).createClient()) {
            RpcConnection c = wrong.connect("127.0.0.1", cluster.rpcPort());
            assertThatThrownBy(() -> c.whenConnected().get(3, TimeUnit.SECONDS)).isNotNull();
        }
        ClusterSecret right = ClusterSecret.readFrom(cluster.secretFile());
        try (RpcClient client = new NettyRpcSystem(conf, right).createClient()) {
            RpcConnection c = client.connect("127.0.0.1", cluster.rpcPort());
            c.whenConnected().orTimeout(10, TimeUnit.SECONDS).join();
            // an authenticated peer that is no TaskManager: the JobManager answers that it does not know it
            HeartbeatResponse answer = c.ask(new TaskManagerHeartbeat("0123456789abcdef0123456789abcdef", 0),
                    HeartbeatResponse.class, Duration.ofSeconds(10)).join();
            assertThat(answer.getKnown()).isFalse();
            assertThatThrownBy(() -> c.ask(new TaskManagerHeartbeat("not-an-id", 0), HeartbeatResponse.class,
                    Duration.ofSeconds(10)).join()).hasMessageContaining("not-an-id");
            // task reports that no TaskManager may send, or about attempts the job does not have, change nothing
            String attempt = "00000000000000000000000000000001";
            assertThatThrownBy(() -> c.ask(new TaskStateUpdate(job, attempt, "SCHEDULED", null, Map.of()),
                    Acknowledge.class, Duration.ofSeconds(10)).join()).hasMessageContaining("cannot report SCHEDULED");
            assertThat(c.ask(new TaskStateUpdate(job, attempt, "FAILED", null, Map.of()), Acknowledge.class,
                    Duration.ofSeconds(10)).join()).isNotNull();
        }
        assertJobStillRunning();
    }

    private static void assertJobStillRunning() {
        assertThat(cluster.rest().listJobs()).anySatisfy(e -> {
            assertThat(e.getKey()).isEqualTo(job);
            assertThat(e.getValue()).isEqualTo("RUNNING");
        });
        assertThat(cluster.rest().taskManagers()).hasSize(2);
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), cluster.rpcPort());
        s.setSoTimeout(15_000);
        return s;
    }

    private static boolean droppedAfterSending(byte[] bytes) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            return closedByPeer(s);
        }
    }

    /** Reads (and ignores) whatever the server sends until it closes the connection; bounded by the timeout. */
    private static boolean closedByPeer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int i = 0; i < 1000; i++) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }
}
