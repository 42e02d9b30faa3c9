package io.weft.jobmanager.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.config.GlobalConfiguration;
import io.weft.config.ProcessMemory;
import io.weft.jobmanager.rest.RestClient;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RestToken;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.ContainerReport;
import org.apache.hadoop.yarn.api.records.ContainerState;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.SignalContainerCommand;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ApplicationMaster in a real YARN (a MiniYARNCluster in this JVM whose NodeManager forks real container
 * processes): it runs the shipped program, gets TaskManager containers for it and ends the application with the
 * job's outcome; a session stops through {@code DELETE /cluster}. The files an application needs are shipped from a
 * local staging directory (file: URIs), as the client ships them from HDFS.
 */
class YarnApplicationMasterTest {
    private static final Duration APP_TIMEOUT = Duration.ofSeconds(120);
    private static final String PROGRAM = """
            package demo;
            import io.weft.api.datastream.StreamExecutionEnvironment;
            public class YarnJob {
                public static void main(String[] args) throws Exception {
                    if (args[0].equals("exit")) {
                        System.exit(3);
                    }
                    if (!java.util.List.of("ok", "fail-job", "slow").contains(args[0])) {
                        throw new IllegalArgumentException("usage: YarnJob ok|fail-job|slow");
                    }
                    boolean fail = args[0].equals("fail-job");
                    boolean slow = args[0].equals("slow");
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.setParallelism(2);
                    java.util.List<Long> data = new java.util.ArrayList<>();
                    for (long i = 1; i <= (slow ? 1000 : 6); i++) {
                        data.add(i);
                    }
                    env.fromData(data).rebalance().map(x -> {
                                if (fail) {
                                    throw new IllegalStateException("boom in the map");
                                }
                                if (slow) {
                                    Thread.sleep(10);
                                }
                                return x * 10;
                            })
                            .keyBy(x -> x % 2).reduce(Long::sum)
                            .sinkTo(new io.weft.api.connector.DiscardingSink<>());
                    env.execute("yarn-job");
                }
            }
            """;

    @TempDir
    static Path dir;
    private static MiniYARNCluster yarn;
    private static YarnConfiguration conf;
    private static YarnClient client;
    private static Path jobJar;
    private static final AtomicInteger STAGING = new AtomicInteger();

    @BeforeAll
    static void startYarn() throws Exception {
        jobJar = compileProgram();
        YarnConfiguration base = new YarnConfiguration();
        base.set("yarn.resourcemanager.hostname", "localhost");
        base.set("yarn.nodemanager.hostname", "localhost");
        base.set("yarn.scheduler.capacity.root.queues", "default");
        base.set("yarn.scheduler.capacity.root.default.capacity", "100");
        base.set("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");
        base.setInt("yarn.scheduler.minimum-allocation-mb", 64);
        base.setInt("yarn.nodemanager.resource.memory-mb", 6144);
        base.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
        base.setBoolean("yarn.nodemanager.pmem-check-enabled", false);
        base.setLong("yarn.nodemanager.log.retain-seconds", Long.getLong("weft.test.yarn.log-retain-seconds", 0));
        base.set("yarn.application.classpath", containerClasspath());
        MiniYARNCluster started = new MiniYARNCluster("weft-am-test", 1, 1, 1, 1);
        yarn = started;
        started.init(base);
        started.start();
        assertThat(started.waitForNodeManagersToConnect(60_000)).as("NodeManager registered").isTrue();
        conf = new YarnConfiguration(started.getConfig());
        client = YarnClient.createYarnClient();
        client.init(conf);
        client.start();
    }

    @AfterAll
    static void stopYarn() {
        if (client != null) {
            client.stop();
        }
        if (yarn != null) {
            yarn.stop();
        }
    }

    /** The test JVM's classpath (Weft's modules and libraries, Hadoop's client) minus the minicluster. */
    private static String containerClasspath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!new File(e).getName().startsWith("hadoop-client-minicluster")) {
                entries.add(new File(e).getAbsolutePath());
            }
        }
        return String.join(",", entries);
    }

    private static Path compileProgram() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(src.resolve("YarnJob.java"), PROGRAM);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp",
                System.getProperty("java.class.path"), "-d", classes.toString(),
                src.resolve("YarnJob.java").toString())).isZero();
        Path jar = dir.resolve("yarn-job.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.YarnJob");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    j.putNextEntry(new JarEntry(classes.relativize(f).toString()));
                    j.write(Files.readAllBytes(f));
                    j.closeEntry();
                }
            }
        }
        return jar;
    }

    @Test
    void perJobApplicationSucceedsWithItsJobAndDeletesTheStagingDirectory() throws Exception {
        Submitted app = submit(YarnLaunchSpec.Mode.PER_JOB, "ok");

        ApplicationReport report = awaitEnd(app.id());

        assertThat(report.getFinalApplicationStatus()).as(report.getDiagnostics())
                .isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(report.getDiagnostics()).containsPattern("Job [0-9a-f]{32} FINISHED");
        assertThat(app.staging()).doesNotExist();
    }

    @Test
    void failingJobFailsTheApplicationWithItsCauseAsDiagnostics() throws Exception {
        Submitted app = submit(YarnLaunchSpec.Mode.APPLICATION, "fail-job");

        ApplicationReport report = awaitEnd(app.id());

        assertThat(report.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.FAILED);
        assertThat(report.getDiagnostics()).containsPattern("Job [0-9a-f]{32} FAILED").contains("boom in the map");
        assertThat(app.staging()).doesNotExist();
    }

    @Test
    void programThatBuildsNoJobFailsTheApplication() throws Exception {
        Submitted app = submit(YarnLaunchSpec.Mode.APPLICATION, "bad-argument");

        ApplicationReport report = awaitEnd(app.id());

        assertThat(report.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.FAILED);
        assertThat(report.getDiagnostics()).contains("The program failed").contains("usage: YarnJob ok|fail-job|slow");
    }

    @Test
    void programThatCallsSystemExitFailsTheApplicationWithTheLineNamingTheCode() throws Exception {
        Submitted app = submit(YarnLaunchSpec.Mode.APPLICATION, "exit");

        ApplicationReport report = awaitEnd(app.id());

        // the AM outlived the program's exit: it unregistered with the outcome instead of dying with code 3
        assertThat(report.getFinalApplicationStatus()).as(report.getDiagnostics())
                .isEqualTo(FinalApplicationStatus.FAILED);
        assertThat(report.getDiagnostics())
                .contains("The program failed: its main() called System.exit(3) instead of returning")
                .doesNotContain("The program failed: The program failed");
    }

    @Test
    void sessionRunsUntilDeleteCluster() throws Exception {
        Submitted app = submit(YarnLaunchSpec.Mode.SESSION, null);
        ApplicationReport running = awaitRunning(app.id());
        URI rest = URI.create("http://" + running.getHost() + ":" + running.getRpcPort());
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> overview = http.send(HttpRequest.newBuilder(rest.resolve("/overview")).build(),
                HttpResponse.BodyHandlers.ofString());
        // the ResourceManager's web proxy, where the tracking URL leads (MiniYARNCluster reports it with the
        // webapp's port before it is bound, so the path is taken from the report and the address from the config)
        URI proxy = URI.create("http://" + conf.get("yarn.resourcemanager.webapp.address")
                + URI.create(running.getTrackingUrl()).getPath());
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(proxy.resolve("overview")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymousStop = http.send(HttpRequest.newBuilder(rest.resolve("/cluster")).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> proxiedStop = http.send(HttpRequest.newBuilder(proxy.resolve("cluster")).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
        ApplicationReport stillRunning = client.getApplicationReport(app.id());
        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(rest.resolve("/cluster")).DELETE()
                .header(RestToken.HEADER, RestToken.of(app.secret()).headerValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        ApplicationReport report = awaitEnd(app.id());

        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(running.getTrackingUrl()).isNotBlank();
        assertThat(proxied.statusCode()).as("GET through the ResourceManager's proxy: %s", proxied.body())
                .isEqualTo(200);
        assertThat(proxied.body()).contains("\"taskmanagers\"");
        assertThat(anonymousStop.statusCode()).as(anonymousStop.body()).isEqualTo(401);
        assertThat(anonymousStop.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"weft\"");
        assertThat(proxiedStop.statusCode()).as("a change through the proxy carries no token").isNotIn(200, 202);
        assertThat(stillRunning.getYarnApplicationState()).isEqualTo(YarnApplicationState.RUNNING);
        assertThat(stop.statusCode()).isEqualTo(202);
        assertThat(report.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(app.staging()).doesNotExist();
    }

    @Test
    void killedTaskManagerContainerIsReplacedAndTheJobRestarts() throws Exception {
        Submitted app = submit(YarnLaunchSpec.Mode.PER_JOB, "slow", "restart-strategy.type: fixed-delay",
                "restart-strategy.fixed-delay.attempts: 3", "restart-strategy.fixed-delay.delay: 500 ms");
        RestClient rest = restOf(app, awaitRunning(app.id()));
        String jobId = awaitJobRunningOnTaskManagers(rest, 2);
        List<String> before = taskManagerIds(rest);
        ContainerId victim = taskManagerContainers(app.id()).get(0);

        client.signalToContainer(victim, SignalContainerCommand.FORCEFUL_SHUTDOWN);
        long deadline = System.nanoTime() + APP_TIMEOUT.toNanos();
        List<String> after = before;
        while (System.nanoTime() < deadline && after.stream().filter(id -> !before.contains(id)).count() < 1) {
            Thread.sleep(200);
            after = taskManagerIds(rest);
        }
        ApplicationReport report = awaitEnd(app.id());

        assertThat(after).as("a new TaskManager registered").anyMatch(id -> !before.contains(id));
        assertThat(report.getFinalApplicationStatus()).as(report.getDiagnostics())
                .isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(report.getDiagnostics()).isEqualTo("Job " + jobId + " FINISHED");
    }

    @Test
    void sessionGivesBackIdleTaskManagersAndGetsNewOnesForTheNextJob() throws Exception {
        Submitted app = submit(YarnLaunchSpec.Mode.SESSION, null, "resourcemanager.taskmanager-timeout: 2 s");
        RestClient rest = restOf(app, awaitRunning(app.id()));
        String uploaded = rest.upload("jarfile", "yarn-job.jar", Files.readAllBytes(jobJar)).json().get("filename")
                .asText();
        String jarId = uploaded.substring(uploaded.lastIndexOf('/') + 1);

        for (int round = 1; round <= 2; round++) {
            String job = rest.postJson("/jars/" + jarId + "/run", "{\"programArgsList\": [\"ok\"]}").json().get("jobid")
                    .asText();
            awaitJobState(rest, job, "FINISHED");
            assertThat(taskManagerIds(rest)).as("TaskManagers after job %d", round).isNotEmpty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !taskManagerIds(rest).isEmpty()) {
                Thread.sleep(250);
            }
            assertThat(taskManagerIds(rest)).as("TaskManagers idle for 2 s after job %d; AM log:%n%s", round,
                    amLog(app.id())).isEmpty();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !taskManagerContainers(app.id()).isEmpty()) {
            Thread.sleep(250);
        }
        assertThat(taskManagerContainers(app.id())).as("containers left besides the AM's").isEmpty();
        assertThat(rest.delete("/cluster").status()).isEqualTo(202);
        assertThat(awaitEnd(app.id()).getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
    }

    /** The ApplicationMaster's jobmanager.log while the application runs, for failure messages. */
    private static String amLog(ApplicationId id) throws IOException {
        StringBuilder log = new StringBuilder();
        for (String root : yarn.getConfig().getTrimmedStrings(YarnConfiguration.NM_LOG_DIRS)) {
            Path file = Path.of(root, id.toString(), "container_" + id.toString().substring("application_".length())
                    + "_01_000001", "jobmanager.log");
            if (Files.exists(file)) {
                log.append(Files.readString(file));
            }
        }
        return log.toString();
    }

    private static RestClient restOf(Submitted app, ApplicationReport running) {
        return new RestClient("http://" + running.getHost() + ":" + running.getRpcPort(), RestToken.of(app.secret()));
    }

    private static List<String> taskManagerIds(RestClient rest) throws Exception {
        List<String> ids = new ArrayList<>();
        rest.get("/taskmanagers").json().get("taskmanagers").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    /** The running containers of the application but the AM's. */
    private static List<ContainerId> taskManagerContainers(ApplicationId id) throws Exception {
        ApplicationReport r = client.getApplicationReport(id);
        List<ContainerId> ids = new ArrayList<>();
        for (ContainerReport c : client.getContainers(r.getCurrentApplicationAttemptId())) {
            if (c.getContainerState() == ContainerState.RUNNING && c.getContainerId().getContainerId() != 1) {
                ids.add(c.getContainerId());
            }
        }
        return ids;
    }

    private static String awaitJobRunningOnTaskManagers(RestClient rest, int taskManagers) throws Exception {
        long deadline = System.nanoTime() + APP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode jobs = rest.get("/jobs").json().get("jobs");
            if (jobs.size() == 1 && jobs.get(0).get("status").asText().equals("RUNNING")
                    && taskManagerIds(rest).size() == taskManagers) {
                return jobs.get(0).get("id").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No job RUNNING on " + taskManagers + " TaskManagers within " + APP_TIMEOUT);
    }

    private static void awaitJobState(RestClient rest, String jobId, String state) throws Exception {
        long deadline = System.nanoTime() + APP_TIMEOUT.toNanos();
        String now = "";
        while (System.nanoTime() < deadline) {
            now = rest.get("/jobs/" + jobId).json().get("state").asText();
            if (now.equals(state)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Job " + jobId + " is " + now + ", not " + state + ", after " + APP_TIMEOUT);
    }

    private record Submitted(ApplicationId id, Path staging, ClusterSecret secret) {
    }

    /** Stages the files in a local directory and submits the ApplicationMaster as the client does. */
    private static Submitted submit(YarnLaunchSpec.Mode mode, String programArg, String... configLines)
            throws Exception {
        Path staging = Files.createDirectories(dir.resolve("staging-" + STAGING.incrementAndGet()));
        List<String> lines = new ArrayList<>(List.of("jobmanager.memory.process.size: 700mb",
                "taskmanager.memory.process.size: 900mb", "taskmanager.numberOfTaskSlots: 1",
                "heartbeat.timeout: 20 s"));
        if (Arrays.stream(configLines).noneMatch(l -> l.startsWith("restart-strategy.type"))) {
            lines.add("restart-strategy.type: none");
        }
        lines.addAll(List.of(configLines));
        Files.write(staging.resolve(YarnLaunchSpec.CONFIG_FILE_NAME), lines);
        Files.copy(Path.of("..", "conf", "log4j2.properties"), staging.resolve(YarnLaunchSpec.LOG_CONFIG_FILE_NAME));
        try (OutputStream out = Files.newOutputStream(staging.resolve("yarn-site.xml"))) {
            conf.writeXml(out);
        }
        List<YarnLaunchSpec.ShippedResource> resources = new ArrayList<>();
        for (String name : List.of(YarnLaunchSpec.CONFIG_FILE_NAME, YarnLaunchSpec.LOG_CONFIG_FILE_NAME,
                "yarn-site.xml")) {
            resources.add(resource(staging.resolve(name), true));
        }
        YarnLaunchSpec.Program program = null;
        if (programArg != null) {
            Files.copy(jobJar, staging.resolve("job.jar"));
            resources.add(resource(staging.resolve("job.jar"), false));
            program = new YarnLaunchSpec.Program("job.jar", null, List.of(programArg), null);
        }
        YarnLaunchSpec spec = new YarnLaunchSpec(mode, staging.toUri().toString(), resources, List.of(), program);
        Files.writeString(staging.resolve(YarnLaunchSpec.FILE_NAME), spec.toJson());

        Map<String, LocalResource> local = new HashMap<>(YarnContainers.localResources(spec.resources(), false));
        local.putAll(YarnContainers.localResources(List.of(resource(staging.resolve(YarnLaunchSpec.FILE_NAME),
                false)), false));
        ProcessMemory memory = ProcessMemory.forJobManager(GlobalConfiguration.loadConfiguration(staging));
        ClusterSecret secret = ClusterSecret.generate();
        ContainerLaunchContext am = ContainerLaunchContext.newInstance(local,
                Map.of("CLASSPATH", YarnContainers.classpath(List.of(), conf)),
                List.of(YarnContainers.javaCommand(YarnContainers.APPLICATION_MASTER_CLASS, memory, "jobmanager",
                        Map.of())), null, ClusterSecretCredentials.tokens(secret), null);
        ApplicationSubmissionContext context = client.createApplication().getApplicationSubmissionContext();
        context.setApplicationName("weft-am-test " + mode.cliName());
        context.setApplicationType("Weft");
        context.setQueue("default");
        context.setMaxAppAttempts(1);
        context.setResource(Resource.newInstance(YarnResourceDriver.megabytes(memory), 1));
        context.setAMContainerSpec(am);
        return new Submitted(client.submitApplication(context), staging, secret);
    }

    private static YarnLaunchSpec.ShippedResource resource(Path file, boolean forTaskManagers) throws IOException {
        return new YarnLaunchSpec.ShippedResource(file.getFileName().toString(), file.toUri().toString(),
                Files.size(file), Files.getLastModifiedTime(file).toMillis(), "APPLICATION", forTaskManagers);
    }

    private static ApplicationReport awaitRunning(ApplicationId id) throws Exception {
        long deadline = System.nanoTime() + APP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ApplicationReport r = client.getApplicationReport(id);
            if (r.getYarnApplicationState() == YarnApplicationState.RUNNING && r.getRpcPort() > 0) {
                return r;
            }
            assertThat(EnumSet.of(YarnApplicationState.FAILED, YarnApplicationState.KILLED,
                    YarnApplicationState.FINISHED)).as(r.getDiagnostics()).doesNotContain(r.getYarnApplicationState());
            Thread.sleep(200);
        }
        throw new AssertionError(id + " did not run within " + APP_TIMEOUT);
    }

    private static ApplicationReport awaitEnd(ApplicationId id) throws Exception {
        long deadline = System.nanoTime() + APP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ApplicationReport r = client.getApplicationReport(id);
            if (EnumSet.of(YarnApplicationState.FAILED, YarnApplicationState.KILLED, YarnApplicationState.FINISHED)
                    .contains(r.getYarnApplicationState())) {
                return r;
            }
            Thread.sleep(250);
        }
        client.killApplication(id);
        throw new AssertionError(id + " did not end within " + APP_TIMEOUT);
    }
}
