package io.weft.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The sandbox's process, whose main thread does all the work: {@code SandboxMain --dir DIR} starts a {@link SandboxCluster}, publishes its
 * configuration and addresses through {@link SandboxFiles}, and runs until SIGTERM or SIGINT;
 * {@code scripts/weft-sandbox} starts it in the background (in DIR as its working directory) and stops it by pid.
 *
 * <p>Threading: the main thread starts the cluster, writes the files, waits for a stop signal, then removes the
 * {@code READY} marker, stops the cluster and exits with code 0. The signal handler only wakes the main thread:
 * stopping Hadoop's services from a JVM shutdown hook fails half-way (the DataNode removes shutdown hooks of its
 * own, which is illegal during shutdown). A signal during the start ends it at the next service. A failed start
 * stops what had started and exits with code 1; bad arguments exit with code 2.
 */
public final class SandboxMain {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxMain.class);

    private SandboxMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--dir") || args[1].isBlank()) {
            System.err.println("Usage: SandboxMain --dir DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[1]).toAbsolutePath().normalize();
        SandboxFiles files = new SandboxFiles(dir);
        SandboxCluster cluster = new SandboxCluster(dir.toFile());
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String signal : List.of("TERM", "INT")) {
            Signal.handle(new Signal(signal), received -> {
                LOG.info("SIG{} received: stopping the sandbox", received.getName());
                cluster.abortStart();
                stopRequested.countDown();
            });
        }
        try {
            Files.createDirectories(dir);
            files.clearReady();
            cluster.start();
            files.writeConf(cluster.clientConf());
            files.writeReady(addresses(cluster, files, dir));
            LOG.info("Sandbox ready: export HADOOP_CONF_DIR={}", files.confDir());
        } catch (Throwable t) {
            if (stopRequested.getCount() > 0) {
                LOG.error("The sandbox in {} did not start: {}", dir, t.toString(), t);
            }
            stop(files, cluster);
            // also ends the non-daemon threads of the services that were half-way up
            System.exit(stopRequested.getCount() > 0 ? 1 : 0);
        }
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(files, cluster);
        System.exit(0);
    }

    private static void stop(SandboxFiles files, SandboxCluster cluster) {
        try {
            files.clearReady();
        } catch (IOException e) {
            LOG.warn("Could not remove the READY marker", e);
        }
        cluster.close();
    }

    private static Map<String, String> addresses(SandboxCluster cluster, SandboxFiles files, Path dir) {
        Configuration conf = cluster.clientConf();
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("pid", Long.toString(ProcessHandle.current().pid()));
        addresses.put("hadoop.conf.dir", files.confDir().toString());
        addresses.put("hdfs", conf.get("fs.defaultFS"));
        addresses.put("yarn.resourcemanager", conf.get(YarnConfiguration.RM_ADDRESS));
        addresses.put("yarn.resourcemanager.webapp", conf.get(YarnConfiguration.RM_WEBAPP_ADDRESS));
        addresses.put("zookeeper", cluster.zooKeeperConnectString());
        addresses.put("dir", dir.toString());
        return addresses;
    }
}
