package weftbench.flinkyarn;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.deployment.application.ApplicationConfiguration;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.DeploymentOptionsInternal;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.yarn.YarnClusterClientFactory;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.flink.yarn.configuration.YarnConfigOptions;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deploys one Flink application cluster (application mode, Flink 2.x has no per-job mode) on YARN through
 * Flink's own {@link YarnClusterDescriptor#deployApplicationCluster}, the code path of
 * {@code flink run-application -t yarn-application}, and times it against the YARN application report, polled
 * every 100 ms:
 *
 * <pre>
 * submit_to_running_ms   client JVM start (-Dbench.t0, epoch ms, taken by the calling script just before 'java')
 *                        -> first report with state RUNNING
 * submit_to_finished_ms  the same start -> first report with state FINISHED/FAILED/KILLED
 * deploy_call_ms         the deploy call alone: entered -> returned (Flink returns once it saw RUNNING itself)
 * jvm_to_deploy_call_ms  client JVM start -> deploy call entered (JVM start, class loading, configuration)
 * </pre>
 *
 * Usage: {@code FlinkYarnSubmitBench --conf-dir DIR --dist-jar JAR --job-jar JAR [--provided-lib-dir URI]
 * [--name NAME] [--timeout-s 300] [-D key=value]... -- JOB_ARGS...}. The job jar's main class comes from its
 * manifest ({@code --main-class} overrides). Hadoop's configuration comes from HADOOP_CONF_DIR, as for Flink's
 * CLI. Exit status 0 only when the application ended FINISHED/SUCCEEDED.
 */
public final class FlinkYarnSubmitBench {

    private FlinkYarnSubmitBench() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli())
                .orElse(System.currentTimeMillis());
        long t0 = Long.getLong("bench.t0", jvmStart);

        String confDir = null;
        String distJar = null;
        String jobJar = null;
        String providedLibDir = null;
        String mainClass = "weftbench.flinkyarn.job.WordCountJob";
        String name = "flink-yarn-peer-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        long timeoutMs = 300_000;
        List<String[]> dynamic = new ArrayList<>();
        List<String> jobArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--conf-dir" -> confDir = args[++i];
                case "--dist-jar" -> distJar = args[++i];
                case "--job-jar" -> jobJar = args[++i];
                case "--provided-lib-dir" -> providedLibDir = args[++i];
                case "--main-class" -> mainClass = args[++i];
                case "--name" -> name = args[++i];
                case "--timeout-s" -> timeoutMs = Long.parseLong(args[++i]) * 1000;
                case "-D" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("-D expects key=value, got " + kv);
                    }
                    dynamic.add(new String[] {kv.substring(0, eq), kv.substring(eq + 1)});
                }
                case "--" -> {
                    jobArgs.addAll(List.of(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (confDir == null || distJar == null || jobJar == null) {
            throw new IllegalArgumentException(
                    "Usage: FlinkYarnSubmitBench --conf-dir DIR --dist-jar JAR --job-jar JAR"
                            + " [--provided-lib-dir URI] [-D key=value]... -- JOB_ARGS...");
        }

        // what 'flink run-application -t yarn-application' assembles: config.yaml of the conf dir, the target,
        // the conf dir (its log4j.properties is shipped as the containers' log configuration), the dist jar and
        // the single user jar
        Configuration conf = GlobalConfiguration.loadConfiguration(new File(confDir).getAbsolutePath());
        conf.set(DeploymentOptions.TARGET, "yarn-application");
        conf.set(DeploymentOptionsInternal.CONF_DIR, new File(confDir).getAbsolutePath());
        conf.set(YarnConfigOptions.FLINK_DIST_JAR, new File(distJar).getAbsolutePath());
        conf.set(PipelineOptions.JARS, List.of(new File(jobJar).getAbsoluteFile().toURI().toString()));
        conf.set(YarnConfigOptions.APPLICATION_NAME, name);
        if (providedLibDir != null) {
            conf.set(YarnConfigOptions.PROVIDED_LIB_DIRS, List.of(providedLibDir));
        }
        // The containers' Hadoop configuration: the sandbox's yarn.application.classpath gives them Hadoop's jars
        // but no core-site.xml/yarn-site.xml (on a real cluster HADOOP_CONF_DIR would be there). Flink forwards
        // 'flink.hadoop.*' keys into the Hadoop configuration and 'flink.yarn.*' keys into the YARN configuration
        // it builds in the containers, so the client's default file system, ResourceManager addresses and
        // container class path (the JobManager starts TaskManagers with it) go along that way, taken from
        // HADOOP_CONF_DIR on the class path
        YarnConfiguration clientYarn = new YarnConfiguration();
        String defaultFs = clientYarn.get("fs.defaultFS");
        if (defaultFs != null && !defaultFs.startsWith("file:")) {
            conf.set(ConfigOptions.key("flink.hadoop.fs.defaultFS").stringType().noDefaultValue(), defaultFs);
        }
        for (Map.Entry<String, String> e : clientYarn) {
            String key = e.getKey();
            if (key.startsWith("yarn.resourcemanager.")
                            && (key.endsWith(".address") || key.endsWith(".hostname"))
                    || key.equals(YarnConfiguration.YARN_APPLICATION_CLASSPATH)) {
                conf.set(ConfigOptions.key("flink." + key).stringType().noDefaultValue(), clientYarn.get(key));
            }
        }
        for (String[] kv : dynamic) {
            conf.set(ConfigOptions.key(kv[0]).stringType().noDefaultValue(), kv[1]);
        }

        YarnClusterClientFactory factory = new YarnClusterClientFactory();
        int exit = 1;
        try (YarnClusterDescriptor descriptor = factory.createClusterDescriptor(conf)) {
            YarnClient yarn = descriptor.getYarnClient();
            ClusterSpecification spec = factory.getClusterSpecification(conf);

            // RUNNING is watched from a second thread while the deploy call blocks: the application id is not
            // known before the call returns, so it is found by its unique name
            AtomicLong runningAt = new AtomicLong();
            AtomicLong finishedAt = new AtomicLong();
            String appName = name;
            Thread watcher = new Thread(() -> watchByName(yarn, appName, runningAt, finishedAt), "running-watch");
            watcher.setDaemon(true);

            long deployStart = System.currentTimeMillis();
            watcher.start();
            descriptor.deployApplicationCluster(spec, new ApplicationConfiguration(
                    jobArgs.toArray(new String[0]), mainClass));
            long deployEnd = System.currentTimeMillis();
            ApplicationId appId = ApplicationId.fromString(conf.get(YarnConfigOptions.APPLICATION_ID));

            // then the end of the application
            ApplicationReport report = null;
            long deadline = deployEnd + timeoutMs;
            while (System.currentTimeMillis() < deadline) {
                report = yarn.getApplicationReport(appId);
                long now = System.currentTimeMillis();
                YarnApplicationState s = report.getYarnApplicationState();
                if (s == YarnApplicationState.RUNNING || isEnded(s)) {
                    runningAt.compareAndSet(0, now);
                }
                if (isEnded(s)) {
                    finishedAt.compareAndSet(0, now);
                    break;
                }
                Thread.sleep(100);
            }
            watcher.interrupt();

            System.out.println("app_id=" + appId);
            System.out.println("jvm_to_deploy_call_ms=" + (deployStart - t0));
            System.out.println("deploy_call_ms=" + (deployEnd - deployStart));
            System.out.println("submit_to_running_ms=" + (runningAt.get() - t0));
            if (report != null && isEnded(report.getYarnApplicationState())) {
                System.out.println("submit_to_finished_ms=" + (finishedAt.get() - t0));
                System.out.println("state=" + report.getYarnApplicationState());
                System.out.println("final_status=" + report.getFinalApplicationStatus());
                if (report.getYarnApplicationState() == YarnApplicationState.FINISHED
                        && "SUCCEEDED".equals(report.getFinalApplicationStatus().name())) {
                    exit = 0;
                } else {
                    System.out.println("diagnostics=" + report.getDiagnostics().replace('\n', ' '));
                }
            } else {
                System.out.println("state=TIMEOUT");
                yarn.killApplication(appId);
            }
        }
        System.out.flush();
        // Flink/Hadoop leave non-daemon threads behind
        Runtime.getRuntime().halt(exit);
    }

    private static boolean isEnded(YarnApplicationState s) {
        return s == YarnApplicationState.FINISHED || s == YarnApplicationState.FAILED
                || s == YarnApplicationState.KILLED;
    }

    private static void watchByName(YarnClient yarn, String name, AtomicLong runningAt, AtomicLong finishedAt) {
        try {
            while (!Thread.currentThread().isInterrupted() && runningAt.get() == 0) {
                for (ApplicationReport r : yarn.getApplications(Set.of("Apache Flink"))) {
                    if (name.equals(r.getName())) {
                        YarnApplicationState s = r.getYarnApplicationState();
                        long now = System.currentTimeMillis();
                        if (s == YarnApplicationState.RUNNING || isEnded(s)) {
                            runningAt.compareAndSet(0, now);
                        }
                        if (isEnded(s)) {
                            finishedAt.compareAndSet(0, now);
                        }
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("running-watch: " + e);
        }
    }
}
