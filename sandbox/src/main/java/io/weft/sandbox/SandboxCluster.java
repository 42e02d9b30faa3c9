package io.weft.sandbox;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-machine Hadoop in this JVM, started and stopped by one thread: a MiniDFSCluster with one DataNode, a
 * MiniYARNCluster with one ResourceManager and two NodeManagers (log aggregation on), and a standalone ZooKeeper
 * server, all bound to the loopback interface.
 *
 * <p>Threading: {@link #start()} and {@link #close()} run on one thread (the sandbox's main thread);
 * {@link #abortStart()} may be called from any thread and makes {@code start()} fail before its next service.
 * {@code close()} stops whatever has been started and is idempotent. The services' own threads are Hadoop's and
 * ZooKeeper's.
 *
 * <p>Data lives under the directory given at construction: {@code dfs/} for HDFS, {@code zookeeper/} for
 * ZooKeeper and, because MiniYARNCluster puts its work directory under the current directory, {@code target/}
 * when the JVM was started in that directory (the sandbox script does so).
 */
final class SandboxCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxCluster.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final long NODE_MANAGERS_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(120);
    /** Jars of this JVM's class path that containers need to run Hadoop client code: the shaded client. */
    private static final List<String> CONTAINER_JAR_PREFIXES = List.of("hadoop-client-api-",
            "hadoop-client-runtime-", "commons-logging-", "snappy-java-", "jsr305-", "slf4j-api-");

    private final File dir;
    private volatile MiniDFSCluster dfs;
    private volatile MiniYARNCluster yarn;
    private volatile ZooKeeperServer zooKeeper;
    private volatile ServerCnxnFactory zooKeeperConnections;
    private boolean closed;
    private volatile boolean startAborted;
    private YarnConfiguration clientConf;

    SandboxCluster(File dir) {
        this.dir = dir;
    }

    /**
     * Starts HDFS, then YARN (waiting until both NodeManagers have registered), then ZooKeeper.
     *
     * @throws Exception when a service does not start; the caller then calls {@link #close()}
     */
    void start() throws Exception {
        long began = System.nanoTime();
        Configuration base = new Configuration();
        base.set("hadoop.tmp.dir", new File(dir, "tmp").getAbsolutePath());
        base.setBoolean("dfs.permissions.enabled", false);
        base.set("dfs.namenode.rpc-bind-host", LOOPBACK);
        base.set("dfs.namenode.http-bind-host", LOOPBACK);
        MiniDFSCluster startedDfs = new MiniDFSCluster.Builder(base, new File(dir, "dfs"))
                .numDataNodes(1).build();
        dfs = startedDfs;
        startedDfs.waitActive();
        LOG.info("HDFS up at {} after {} ms", startedDfs.getURI(), elapsedMs(began));
        checkNotAborted();

        YarnConfiguration yarnConf = new YarnConfiguration(startedDfs.getConfiguration(0));
        yarnConf.set("fs.defaultFS", startedDfs.getURI().toString());
        yarnConf.set("yarn.resourcemanager.hostname", "localhost");
        yarnConf.set("yarn.nodemanager.hostname", "localhost");
        yarnConf.set("yarn.scheduler.capacity.root.queues", "default");
        yarnConf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        yarnConf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");
        yarnConf.setInt("yarn.scheduler.minimum-allocation-mb", 64);
        yarnConf.setInt("yarn.nodemanager.resource.memory-mb", 4096);
        yarnConf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
        yarnConf.setBoolean("yarn.nodemanager.pmem-check-enabled", false);
        // 'yarn logs' reads the aggregated logs from HDFS after an application has ended
        yarnConf.setBoolean("yarn.log-aggregation-enable", true);
        yarnConf.set("yarn.nodemanager.remote-app-log-dir", "/tmp/logs");
        yarnConf.setLong("yarn.log-aggregation.retain-seconds", TimeUnit.DAYS.toSeconds(7));
        // NodeManagers otherwise hold pending log deletions for hours and stop slowly
        yarnConf.setLong("yarn.nodemanager.log.retain-seconds", 0);
        yarnConf.set("yarn.application.classpath", containerClasspath());
        MiniYARNCluster startedYarn = new MiniYARNCluster("weft-sandbox", 1, 2, 1, 1);
        yarn = startedYarn;
        startedYarn.init(yarnConf);
        startedYarn.start();
        if (!startedYarn.waitForNodeManagersToConnect(NODE_MANAGERS_TIMEOUT_MS)) {
            throw new IOException("The 2 NodeManagers did not register with the ResourceManager within "
                    + NODE_MANAGERS_TIMEOUT_MS / 1000 + " s");
        }
        LOG.info("YARN up, ResourceManager at {}, after {} ms",
                startedYarn.getConfig().get(YarnConfiguration.RM_ADDRESS), elapsedMs(began));
        checkNotAborted();

        File zkData = new File(dir, "zookeeper");
        ZooKeeperServer startedZk = new ZooKeeperServer(zkData, zkData, 500);
        zooKeeper = startedZk;
        ServerCnxnFactory connections = ServerCnxnFactory.createFactory(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        zooKeeperConnections = connections;
        connections.startup(startedZk);
        LOG.info("ZooKeeper up at {} after {} ms", zooKeeperConnectString(), elapsedMs(began));

        YarnConfiguration conf = new YarnConfiguration(startedYarn.getConfig());
        // MiniDFSCluster sets a test-only rack mapping that hadoop-client-* lacks (ClassNotFoundException in AMs)
        conf.set("net.topology.node.switch.mapping.impl", "org.apache.hadoop.net.ScriptBasedMapping");
        conf.set("hadoop.zk.address", zooKeeperConnectString());
        clientConf = conf;
    }

    /** The configuration clients need, with the live addresses; valid once {@link #start()} has returned. */
    Configuration clientConf() {
        return clientConf;
    }

    /** ZooKeeper's connect string, {@code 127.0.0.1:PORT}. */
    String zooKeeperConnectString() {
        return LOOPBACK + ":" + zooKeeperConnections.getLocalPort();
    }

    /** Makes a running {@link #start()} fail before it starts the next service; callable from any thread. */
    void abortStart() {
        startAborted = true;
    }

    /** Stops YARN, HDFS and ZooKeeper, those of them that have been started; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long began = System.nanoTime();
        List<Throwable> failures = new ArrayList<>();
        if (yarn != null) {
            run(failures, "YARN", yarn::stop);
        }
        if (dfs != null) {
            run(failures, "HDFS", dfs::shutdown);
        }
        if (zooKeeperConnections != null) {
            run(failures, "ZooKeeper", zooKeeperConnections::shutdown);
        }
        if (zooKeeper != null) {
            run(failures, "ZooKeeper", () -> zooKeeper.shutdown());
        }
        LOG.info("Sandbox stopped in {} ms{}", elapsedMs(began), failures.isEmpty() ? "" : " with errors");
    }

    private void checkNotAborted() throws IOException {
        if (startAborted) {
            throw new IOException("The sandbox was asked to stop while starting");
        }
    }

    private static void run(List<Throwable> failures, String service, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException | Error e) {
            LOG.warn("Could not stop {} cleanly", service, e);
            failures.add(e);
        }
    }

    /** The shaded Hadoop client jars of this JVM's class path, for containers (nothing is installed here). */
    private static String containerClasspath() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.endsWith(".jar") && CONTAINER_JAR_PREFIXES.stream().anyMatch(name::startsWith)) {
                jars.add(new File(entry).getAbsolutePath());
            }
        }
        return String.join(",", jars);
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
